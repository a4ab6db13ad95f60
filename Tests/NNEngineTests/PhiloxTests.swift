import CKernels
import XCTest
@testable import NNEngine

/// Philox4x64-10 against the published known answers, in Swift and in the C kernel.
final class PhiloxTests: XCTestCase {
    /// (counter, key, expected output) for Philox4x64 with 10 rounds: the three philox4x64 R=10
    /// lines of the `kat_vectors` file of the Random123 distribution (D. E. Shaw Research; the
    /// same lines are pasted into Random123-Boost's libs/random/test/test_philox.cpp). The third
    /// uses the hexadecimal digits of π as counter and key.
    static let knownAnswers: [(counter: Philox4x64.Block, key: (UInt64, UInt64), expected: Philox4x64.Block)] = [
        ((0, 0, 0, 0), (0, 0),
         (0x1655_4D9E_CA36_314C, 0xDB20_FE9D_672D_0FDC, 0xD7E7_72CE_E186_176B, 0x7E68_B68A_EC7B_A23B)),
        ((.max, .max, .max, .max), (.max, .max),
         (0x87B0_92C3_013F_E90B, 0x438C_3C67_BE8D_0224, 0x9CC7_D7C6_9CD7_77B6, 0xA09C_AEBF_594F_0BA0)),
        ((0x243F_6A88_85A3_08D3, 0x1319_8A2E_0370_7344, 0xA409_3822_299F_31D0, 0x082E_FA98_EC4E_6C89),
         (0x4528_21E6_38D0_1377, 0xBE54_66CF_34E9_0C6C),
         (0xA528_F454_03E6_1D95, 0x38C7_2DBD_566E_9788, 0xA5A1_610E_72FD_18B5, 0x57BD_43B5_E52B_7FE6)),
    ]

    static func words(_ b: Philox4x64.Block) -> [UInt64] { [b.0, b.1, b.2, b.3] }

    func testSwiftBlockMatchesRandom123KnownAnswers() {
        for (i, vector) in Self.knownAnswers.enumerated() {
            let observed = Self.words(Philox4x64.block(vector.counter, key: vector.key))
            print("KAT \(i): expected \(Self.words(vector.expected).map { String($0, radix: 16) }), observed \(observed.map { String($0, radix: 16) })")
            XCTAssertEqual(observed, Self.words(vector.expected), "Random123 philox4x64-10 vector \(i)")
        }
    }

    func testCBlockMatchesRandom123KnownAnswers() {
        for (i, vector) in Self.knownAnswers.enumerated() {
            let counter = Self.words(vector.counter), key = [vector.key.0, vector.key.1]
            var out = [UInt64](repeating: 0, count: 4)
            nnlab_philox4x64_10(counter, key, &out)
            XCTAssertEqual(out, Self.words(vector.expected), "C kernel, Random123 philox4x64-10 vector \(i)")
        }
    }

    /// The C kernel's word stream (two blocks at a time, with head and tail) against the Swift
    /// block function, from aligned and unaligned first positions.
    func testCWordsMatchSwiftBlocks() {
        let key: (UInt64, UInt64) = (0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210)
        for (first, count) in [(0, 64), (1, 3), (3, 18), (6, 1), (1 << 40 + 5, 37)] as [(UInt64, Int)] {
            var out = [UInt64](repeating: 0, count: count)
            nnlab_philox_words(&out, count, key.0, key.1, first)
            let expected = (0..<count).map { j -> UInt64 in
                let p = first + UInt64(j)
                return Self.words(Philox4x64.block((p / 4, 0, 0, 0), key: key))[Int(p % 4)]
            }
            XCTAssertEqual(out, expected, "words \(first)..<\(first + UInt64(count))")
        }
    }
}
