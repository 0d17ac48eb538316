/// The words of « Sources et méthode », of tooltips saying where a figure comes from, and of
/// the note closing a page that cites figures; also the few words of the catalogue and items
/// blocks and the alt text that marks an image as decorative.
public enum SourcesMessage: String, MessageKey {
    case heading = "sources.heading"
    case examplesTotal = "sources.examples.total"
    case examplesOf = "sources.examples.of"
    case examplesMethod = "sources.examples.method"
    case figuresHeading = "sources.figures.heading"
    case figuresFiles = "sources.figures.files"
    case figuresFilesLinks = "sources.figures.files.links"
    case tableCaption = "sources.table.caption"
    case tableFigure = "sources.table.figure"
    case tableValue = "sources.table.value"
    case tableBase = "sources.table.base"
    case tableOrigin = "sources.table.origin"
    case tableSource = "sources.table.source"
    case groupSplit = "sources.group.split"
    case groupMultiple = "sources.group.multiple"
    case groupSource = "sources.group.source"
    case assumptionsHeading = "sources.assumptions.heading"
    case assumptionsSame = "sources.assumptions.same"
    case methodsHeading = "sources.methods.heading"
    case methodsInterval = "sources.methods.interval"
    case methodsRounding = "sources.methods.rounding"
    case methodsCounts = "sources.methods.counts"
    case methodsSplitGap = "sources.methods.split-gap"
    case methodsDifference = "sources.methods.difference"
    case listHeading = "sources.list.heading"
    case originGiven = "sources.origin.given"
    case originGivenAssumed = "sources.origin.given.assumed"
    case originComputed = "sources.origin.computed"
    case originComputedAssumed = "sources.origin.computed.assumed"
    case computedCount = "sources.computed.count"
    case computedRespondents = "sources.computed.respondents"
    case computedMargin = "sources.computed.margin"
    case computedDerived = "sources.computed.derived"
    case tooltipSourceOne = "sources.tooltip.source.one"
    case tooltipSourceOther = "sources.tooltip.source.other"
    case tooltipAssumption = "sources.tooltip.assumption"
    case separator = "sources.separator"
    case pageOne = "sources.page.one"
    case pageOther = "sources.page.other"
    case pageSeparator = "sources.page.separator"
    case catalogueIndex = "catalogue.index"
    case itemsSeparator = "items.separator"
    case imageDecorative = "image.decorative"
}

extension Messages {
    /// The text of `key` as HTML: its words escaped, its placeholders filled with `markup`
    /// as given (links, already escaped), so a catalogue's `&` or `<` never breaks the page.
    func html<Key: MessageKey>(_ key: Key, _ markup: [String: String]) -> String {
        Messages(texts: [key.rawValue: HTML.escape(self[key])])(key, markup)
    }
}
