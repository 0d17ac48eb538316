/// The pages of the open section that a page's menu lists: all of them up to `limit`;
/// past it, `limit` pages around the current one, then a link to the section's page, whose
/// `pages` block lists the rest. A menu that listed every page would make each page grow
/// with its section, and the whole site with the square of its pages.
struct MenuWindow {
    /// The most pages of one section a menu lists.
    static let limit = 25

    /// The children to list when `current` (an output path) is open in `children`.
    static func shown(_ children: [Navigation.Item], current: String) -> [Navigation.Item] {
        guard children.count > limit else { return children }
        let index = children.firstIndex { $0.path == current } ?? 0
        let start = max(0, min(index - limit / 2, children.count - limit))
        return Array(children[start..<(start + limit)])
    }

    /// The label of the link to the section's page when some of its pages are not listed.
    static func moreLabel(total: Int, language: Language) -> String {
        language.messages(LayoutMessage.sectionAllPages, ["count": language.numbers.number(Double(total))])
    }
}
