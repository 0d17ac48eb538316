/// The spelling of figure keys: lowercase segments of `a-z 0-9 _ -` joined by dots.
enum FigureKey {
    static func isValid(_ key: some StringProtocol) -> Bool {
        !key.isEmpty && key.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { segment in
            !segment.isEmpty && segment.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
            }
        }
    }
}
