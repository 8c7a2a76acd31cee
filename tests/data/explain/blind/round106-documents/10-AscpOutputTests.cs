using System.Linq;
using Xunit;
using Lab.Transfer.Aspera;

namespace Lab.Transfer.Tests
{
    public class AscpOutputTests
    {
        [Theory]
        [InlineData("ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)",
                    AscpFailure.Authentication)]
        [InlineData("ascp: Failed to open TCP connection for SSH, exiting.\n\nSession Stop  (Error: Failed to open TCP connection for SSH)",
                    AscpFailure.SshPort)]
        [InlineData("Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))",
                    AscpFailure.UdpBlocked)]
        [InlineData("Session Stop  (Error: Server aborted session: Client requests stronger encryption than server allows)",
                    AscpFailure.Encryption)]
        [InlineData("Partial Completion: 19711732K bytes transferred in 3695 seconds\n(43691K bits/sec), in 6 files, 4 directories; 3 files failed.\n\nSession Stop  (Error: Disk write failed (server))",
                    AscpFailure.RemoteDisk)]
        public void Classifies_known_failures(string output, AscpFailure expected)
        {
            var result = AscpOutput.Parse(output);
            Assert.False(result.Succeeded);
            Assert.Equal(expected, result.Failure);
        }

        [Fact]
        public void Completed_line_is_success()
        {
            const string output =
                "1GB                                           100% 1025MB  6.9Mb/s    08:18\n" +
                "Completed: 1049600K bytes transferred in 499 seconds\n" +
                " (17226K bits/sec), in 1 file.\n";
            var result = AscpOutput.Parse(output);
            Assert.True(result.Succeeded);
            Assert.Equal(1049600L * 1024, result.Bytes);
        }

        [Fact]
        public void Partial_completion_counts_failed_files()
        {
            var result = AscpOutput.Parse(
                "Partial Completion: 19711732K bytes transferred in 3695 seconds\n(43691K bits/sec), in 6 files, 4 directories; 3 files failed.\n");
            Assert.Equal(3, result.FailedFiles);
            Assert.Equal(6, result.Files);
        }
    }
}
