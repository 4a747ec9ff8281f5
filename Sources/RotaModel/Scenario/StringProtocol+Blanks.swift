import Foundation

extension StringProtocol {
    /// The text without leading and trailing blanks: exactly `trimmingCharacters(in: .whitespaces)` (tab and the
    /// Unicode space separators, Zs), which Foundation computes through an ICU character set, far slower than
    /// reading the bytes. Text that begins and ends with a visible ASCII byte (nearly every field read) is returned
    /// as it is, all-ASCII text is trimmed of spaces and tabs, and anything else goes to Foundation.
    func trimmingBlanks() -> String {
        let text = String(self)
        let bytes = text.utf8
        guard let first = bytes.first, let last = bytes.last else { return "" }
        func visibleASCII(_ byte: UInt8) -> Bool { byte < 0x80 && byte != 0x20 && byte != 0x09 }
        if visibleASCII(first) && visibleASCII(last) { return text }
        if bytes.allSatisfy({ $0 < 0x80 }) {
            let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
            guard let start = bytes.firstIndex(where: { !blank($0) }) else { return "" }
            let end = bytes.lastIndex(where: { !blank($0) })!
            return String(decoding: bytes[start...end], as: UTF8.self)
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
