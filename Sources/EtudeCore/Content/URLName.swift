/// The names that go into URLs as written (folders, file names, slugs): lowercase letters
/// and digits separated by single `-`, the regex `[a-z0-9]+(-[a-z0-9]+)*`; the catalogue's
/// ids also take `_` as a separator, `[a-z0-9]+([-_][a-z0-9]+)*`.
enum URLName {
    /// Whether `name` matches the whole regex. A regex literal is compiled again each time it
    /// runs, once per page; an ASCII name is checked by hand instead. In ASCII each character
    /// is one byte (a regex over `Character`s sees "\r\n" as one character, but neither byte
    /// is allowed, so both refuse it), so the two agree; other names go to the regex.
    static func isValid(_ name: String, underscore: Bool = false) -> Bool {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else {
            return underscore ? name.wholeMatch(of: /[a-z0-9]+([-_][a-z0-9]+)*/) != nil : name.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil
        }
        var afterSeparator = true  // as if one came before: a leading separator is refused
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                afterSeparator = false
            case UInt8(ascii: "-") where !afterSeparator, UInt8(ascii: "_") where underscore && !afterSeparator:
                afterSeparator = true
            default:
                return false
            }
        }
        return !afterSeparator  // neither empty nor ending with a separator
    }
}
