import Foundation

extension BuildCache {
    /// The memos of a session that compare texts (see `BuildCache.memos`).
    final class Memos {
        let pageMemo = PageMemo()
        let layoutMemo = LayoutMemo()
        let htmlScans = HTMLScanMemo()
        let titleMemo = TitleMemo()
        let charts = ChartMemo()
        let typography = TypographyMemo()
        let chapters = SlotMemo<ReportAssembler.RewriteInput, String>()
        let chapterScans = AttributeScanMemo()
        let exportLines = SlotMemo<FigureExport.Row, String>()
        let exportJSON = SlotMemo<FigureExport.Row, String>()
        let exportSources = SlotMemo<[FigureExport.Document.Source], Substring>()
        let shownFigures = SlotMemo<String, [String]>()
        let sourcesAnchors = SlotMemo<String, Bool>()
        let shownScans = AttributeScanMemo()
        let sourcesNotes = SlotMemo<PageSourcesNote.NoteInput, String?>()
        let literalFigures = LiteralFigureMemo()
        let styles = SlotMemo<Data, String>()
        let reportSkeleton = SkeletonMemo<ReportBuilder.Outline>()
        let backgrounds = SlotMemo<String, ThemeBackgrounds>()
        let notFoundPages = SlotMemo<NotFoundInput, Data>()
        let catalogues = SlotMemo<CatalogueInput, Catalogue>()
        let yamlEntries = YAMLEntryMemo()
        let references = ReferenceMatchMemo()
    }
}
