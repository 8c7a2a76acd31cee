// src/ascp_parse_test.zig
const std = @import("std");
const parse = @import("ascp_parse.zig");

test "session stop line with error" {
    const line = "Session Stop  (Error: Session initiation failed, read timed out)";
    const r = parse.sessionStop(line) orelse return error.NoMatch;
    try std.testing.expectEqualStrings("Session initiation failed, read timed out", r.message);
}

test "session data transfer timeout" {
    const line = "Session Stop  (Error: Session data transfer timeout)";
    const r = parse.sessionStop(line) orelse return error.NoMatch;
    try std.testing.expect(r.kind == .timeout);
}

test "peer aborted, management refusal" {
    const line = "Session Stop  (Error: Server aborted session: Management authorization refused: user acampos denied by server)";
    const r = parse.sessionStop(line) orelse return error.NoMatch;
    try std.testing.expect(r.kind == .unauthorized);
}

test "completed line is not a stop line" {
    try std.testing.expect(parse.sessionStop("Completed: 385855K bytes transferred in 14 seconds") == null);
}
