import NNEngine
import XCTest

final class CommaListTests: XCTestCase {
    func testCommasAndRepeatsGiveOneListTrimmed() throws {
        XCTAssertEqual(try CommaList.items(["small, large", "xavier-tanh"], option: "--scheme", example: "small"),
                       ["small", "large", "xavier-tanh"])
        XCTAssertEqual(try CommaList.items([], option: "--scheme", example: "small"), [], "not given: the lab's default")
        XCTAssertEqual(try CommaList.items(["1,0.8"], option: "--keep", example: "1", what: "a number", parse: Double.init), [1, 0.8])
    }

    func testEmptyValuesAndItemsAreRefusedInOneLine() {
        for (values, fragment) in [([""], "--scheme is empty"), (["  "], "--scheme is empty"), ([","], "--scheme is empty"),
                                   (["a,,b"], "empty item"), (["a,"], "empty item"), (["a", ""], "--scheme is empty")] {
            XCTAssertThrowsError(try CommaList.items(values, option: "--scheme", example: "small")) { error in
                let message = (error as? LabError)?.message ?? ""
                XCTAssert(message.contains(fragment) && !message.contains("\n"), "\(values): \(message)")
            }
        }
        XCTAssertThrowsError(try CommaList.items(["48,x"], option: "--hidden", example: "48,48", what: "a whole number", parse: Int.init)) {
            XCTAssertEqual(($0 as? LabError)?.message, "--hidden: 'x' is not a whole number; e.g. --hidden 48,48")
        }
    }
}
