/// The pages the printable report holds: every page, or, with `report: { sections: [...] }`
/// in data/site.yaml, the pages at the root of content/ and those of the sections listed
/// (with their sub-folders), in reading order. For very large sites, a report of a part.
struct ReportSelection {
    /// Sections as written; nil: every page.
    let sections: [ReportSection]?

    /// The pages of `pages` the report holds, in their order; an unknown section is an
    /// error at its line naming the sections there are.
    func pages(of pages: [RenderedPage]) throws -> [RenderedPage] {
        guard let sections else { return pages }
        // Every folder holding a page, and each folder above one.
        let known = Set(pages.flatMap { page in page.page.section.indices.map { page.page.section[...$0].joined(separator: "/") } })
        try BuildFailure.throwIfAny(sections.filter { !known.contains($0.name) }.map { section in
            let listed = known.sorted()
            let choices = listed.isEmpty ? "the site has no sections, only pages at the root of content/"
                : "the site's sections: " + listed.prefix(20).joined(separator: ", ") + (listed.count > 20 ? ", …" : "")
            return Diagnostic(file: SiteConfig.path, at: section.position,
                              message: "report section '\(section.name)' is not a folder of content/ holding pages"
                                + "\(Suggestion.didYouMean(section.name, among: listed)) (\(choices)); fix the name or remove it")
        })
        let chosen = sections.map { $0.name.split(separator: "/").map(String.init) }
        return pages.filter { page in
            page.page.section.isEmpty || chosen.contains { page.page.section.starts(with: $0) }
        }
    }
}
