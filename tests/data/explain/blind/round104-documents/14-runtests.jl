# test/runtests.jl
using Test
using AscpLogs

@testset "AscpLogs.jl" begin
    @testset "session stop parsing" begin
        s = parse_stop("Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))")
        @test s.error == "Client unable to connect to server (check UDP port and firewall)"
        @test category(s) == :udp

        s = parse_stop("Session Stop  (Error: Server aborted session: Client requests stronger encryption than server allows)")
        @test category(s) == :encryption

        s = parse_stop("Session Stop (Error: Failure processing peer license: Deprecated peer license)")
        @test category(s) == :license
    end

    @testset "server log lines" begin
        line = "2015-04-30 11:13:34 [3ef3-0xb0103000] LOG FASP Session Start uuid=ab5ca8ca-da6e-4957-b74c-cad67dc77b88 op=send status=failed errcode=44 errstr=\"UDP session initiation fatal error\""
        ev = parse_logline(line)
        @test ev.errcode == 44
        @test ev.status == "failed"
    end

    @testset "completion" begin
        @test parse_stop("Completed: 385855K bytes transferred in 14 seconds") === nothing
    end
end
