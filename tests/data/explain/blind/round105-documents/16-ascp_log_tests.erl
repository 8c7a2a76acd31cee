-module(ascp_log_tests).
-include_lib("eunit/include/eunit.hrl").

%% Fixtures copied from real ascp output; ascp is never started here.

auth_failure_test() ->
    Out = <<"ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n">>,
    ?assertEqual({error, auth}, ascp_log:classify(Out)).

no_such_file_test() ->
    Out = <<"Session Stop  (Error: Server aborted session: No such file or directory)\n">>,
    ?assertEqual({error, enoent}, ascp_log:classify(Out)).

ssh_session_test() ->
    Out = <<"ascp: failed to open ssh session., exiting.\n\nSession Stop  (Error: failed to open ssh session.)\n">>,
    ?assertEqual({error, ssh_session}, ascp_log:classify(Out)).

partial_disk_test() ->
    Out = <<"Partial Completion: 19711732K bytes transferred in 3695 seconds\n"
            "(43691K bits/sec), in 6 files, 4 directories; 3 files failed.\n\n"
            "Session Stop  (Error: Disk write failed (server))\n">>,
    ?assertMatch({partial, 3, disk}, ascp_log:classify(Out)).

completed_test() ->
    Out = <<"Completed: 2231840K bytes transferred in 71 seconds\n (256304K bits/sec), in 1 file.\n">>,
    ?assertEqual(ok, ascp_log:classify(Out)).
