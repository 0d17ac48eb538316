/// Which figures a change to `data/` touched, as the names a page must contain to show
/// them. A page can only show a figure it names: a reference, a chart, a list of items all
/// write a key, and every key of a group, part or computed value begins with the key it
/// belongs to (`adoption.admin`, `adoption.rank-1`). So the change is told as "roots",
/// the part of each touched key before its first dot, widened over every link from one
/// figure to another (a base, a share a count is computed from, the owner of a computed
/// value, the two shares of a difference); a page whose text contains none of them shows
/// nothing that changed.
struct FigureChanges: Equatable {
    /// Nil when everything may have changed: then every page is rendered again.
    private(set) var roots: Set<String>?

    /// Nothing changed.
    static let none = FigureChanges(roots: [])
    /// Anything may have changed.
    static let everything = FigureChanges(roots: nil)

    private init(roots: Set<String>?) { self.roots = roots }

    /// A change to exactly these roots, for tests.
    static func testing(roots: Set<String>) -> FigureChanges { FigureChanges(roots: roots) }

    /// What changed from `old` to `new`: `everything` unless only figures' values and
    /// fields changed (no figure added, removed or moved, no source, group or declaration changed).
    init(from old: FigureTable, to new: FigureTable) {
        guard old.order == new.order, old.dataset.figureOrder == new.dataset.figureOrder,
              Self.withoutFigures(old.dataset) == Self.withoutFigures(new.dataset) else {
            self = .everything
            return
        }
        var roots = Set<String>()
        for key in old.order where old[key] != new[key] { roots.insert(Self.root(of: key)) }
        for key in new.dataset.figureOrder where old.dataset.figures[key] != new.dataset.figures[key] { roots.insert(Self.root(of: key)) }
        self.roots = Self.widened(roots, in: old).union(Self.widened(roots, in: new))
    }

    /// Whether `text`, where a page names its figures, names a key with a root that
    /// changed: the root, not within a longer key (`past_innovation` is not `innovation`).
    func touches(_ text: String) -> Bool {
        guard let roots else { return true }
        var text = text
        return text.withUTF8 { bytes in
            roots.contains { root in
                var root = root
                return root.withUTF8 { pattern in
                    ByteSearch.occurs(pattern, in: bytes) { start in
                        let end = start + pattern.count
                        return (start == 0 || !Self.isKeyByte(bytes[start - 1], orDot: true))
                            && (end == bytes.count || !Self.isKeyByte(bytes[end], orDot: false))
                    }
                }
            }
        }
    }

    private static func isKeyByte(_ byte: UInt8, orDot: Bool) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D || (orDot && byte == 0x2E)
    }

    /// The part of a key before its first dot.
    static func root(of key: String) -> String {
        // An ASCII key (every valid one) is cut at its first dot byte; others as characters,
        // where a dot carrying a combining mark is no dot.
        if key.utf8.allSatisfy({ $0 < 0x80 }) { return key.utf8.firstIndex(of: 0x2E).map { String(key[..<$0]) } ?? key }
        return key.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? key
    }

    /// `roots` and every root that reads one of them, until nothing more is added.
    private static func widened(_ roots: Set<String>, in table: FigureTable) -> Set<String> {
        var links: [(from: String, to: String)] = []
        for figure in table.dataset.figures.values {
            if case .key(let base) = figure.base { links.append((figure.key, base)) }
            if let from = figure.computedFrom { links.append((figure.key, from)) }
            if let group = figure.group { links.append((figure.key, group)) }
        }
        for group in table.dataset.groups.values {
            if case .key(let base) = group.base { links.append((group.key, base)) }
            for part in group.partKeys { links.append((group.key, part)) }
        }
        for difference in table.dataset.differences {
            links.append((difference.key, difference.of.0))
            links.append((difference.key, difference.of.1))
        }
        for key in table.order {
            guard case .derived(let value) = table[key] else { continue }
            links.append((key, value.ownerKey))
            for part in value.parts ?? [] { links.append((key, part)) }
        }
        let rootLinks = links.map { (root(of: $0.from), root(of: $0.to)) }.filter { $0.0 != $0.1 }
        var result = roots
        var grew = true
        while grew {
            grew = false
            for (from, to) in rootLinks where result.contains(to) && !result.contains(from) {
                result.insert(from)
                grew = true
            }
        }
        return result
    }

    /// The dataset less its figures: what, when it changes, may change any page.
    private static func withoutFigures(_ dataset: Dataset) -> Dataset {
        var rest = dataset
        rest.figures = [:]
        return rest
    }
}
