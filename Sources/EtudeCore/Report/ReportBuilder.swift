/// Builds `rapport.html`: the whole publication on one page, made to be printed.
struct ReportBuilder {
    static let outputPath = "rapport.html"
    let site: SiteConfig
    let templates: TemplateLibrary
    /// Cover lines of `data/site.yaml`, references already expanded.
    let coverLines: [String]

    func render(pages: [RenderedPage]) throws -> String {
        let chapters = ReportAssembler(pages: pages).chapters()
        let context: [String: Any] = [
            "site": site.templateValues,
            "report": [
                "title": site.title, "coverLines": coverLines,
                "canonicalURL": site.baseURL + Self.outputPath,
            ],
            "chapters": chapters.map { chapter -> [String: Any] in
                ["id": chapter.id, "title": chapter.title, "contentHTML": chapter.contentHTML,
                 "sections": chapter.sections.map { ["id": $0.id, "title": $0.title] }]
            },
            "generator": "Étude",
            "siteURL": "index.html",
        ]
        return try templates.render(context, template: "report")
    }
}
