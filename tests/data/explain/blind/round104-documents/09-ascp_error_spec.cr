# spec/ascp_error_spec.cr
require "./spec_helper"

describe FaspTool::AscpError do
  it "maps the licence failure" do
    err = FaspTool::AscpError.parse("Session Stop (Error: Failure processing peer license: Deprecated peer license)")
    err.category.should eq(:license)
    err.retryable?.should be_false
  end

  it "maps the server-side disk error" do
    out = <<-LOG
      Partial Completion: 19711732K bytes transferred in 3695 seconds
      (43691K bits/sec), in 6 files, 4 directories; 3 files failed.

      Session Stop  (Error: Disk write failed (server))
      LOG
    err = FaspTool::AscpError.parse(out)
    err.category.should eq(:disk)
    err.side.should eq(:server)
  end

  it "maps a stalled transfer as retryable" do
    err = FaspTool::AscpError.parse("Session Stop  (Error: Data transfer stalled, timed out)")
    err.code.should eq(40)
    err.retryable?.should be_true
  end

  it "returns nil for a completed session" do
    FaspTool::AscpError.parse("Completed: 74523K bytes transferred in 118 seconds\n (5170K bits/sec), in 1 file.").should be_nil
  end
end
