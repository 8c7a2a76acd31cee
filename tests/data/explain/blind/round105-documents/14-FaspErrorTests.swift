import XCTest
@testable import FaspKit

final class FaspErrorTests: XCTestCase {

    func testCodeTableDescriptions() {
        XCTAssertEqual(FaspError(code: 15)?.userDescription,
                       "Timeout establishing UDP connection (check UDP port and firewall)")
        XCTAssertEqual(FaspError(code: 40)?.userDescription,
                       "Data transfer stalled, timed out")
        XCTAssertEqual(FaspError(code: 42)?.userDescription,
                       "File or directory already exists")
        XCTAssertEqual(FaspError(code: 50)?.userDescription,
                       "Invalid configuration")
    }

    func testRetryable() {
        XCTAssertTrue(FaspError(code: 13)!.isRetryable)   // SSH timeout
        XCTAssertFalse(FaspError(code: 19)!.isRetryable)  // Authentication failure
        XCTAssertFalse(FaspError(code: 30)!.isRetryable)  // License expired
    }

    func testParsesStopLine() throws {
        let stderr = "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n"
        let err = try XCTUnwrap(FaspError(ascpOutput: stderr))
        XCTAssertEqual(err.name, "ERR_AUTH")
    }
}
