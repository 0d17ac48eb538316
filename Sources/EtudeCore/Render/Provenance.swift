/// Where a published value comes from, in the words a reader sees wherever it is shown
/// (tooltip, « Sources et méthode », export): given by its source, or computed by Étude
/// (from what, how), and the assumption it rests on, so that nothing the site computed
/// or assumed passes for a figure of the source. Its words are the study's language's
/// (`SourcesMessage`).
struct Provenance: Equatable {
    var sources: [DataSource]
    /// « calculé à partir de « … » : … », nil for a value the source gives.
    var computation: String?
    var assumption: String?
    /// The study's language, whose typography the tooltip takes.
    var language: Language

    init(key: String, table: FigureTable, format: ReferenceFormat = .standard) {
        sources = table.sources(of: key)
        language = table.language
        let words = table.language.messages
        let dataset = table.dataset
        switch table[key] {
        case .typed(let resolved):
            let figure = resolved.figure
            if let from = figure.computedFrom {
                let label = dataset.figures[from]?.label ?? from
                computation = words(SourcesMessage.computedCount, ["label": label])
            } else if figure.file == SurveyDeclaration.file {
                computation = AnswersLoader.provenance(of: figure, language: language)
            } else if figure.unit == .percent, resolved.baseCount != nil {
                // What the reference writes is computed from the share, not the share itself.
                switch format {
                case .respondents where figure.count == nil:
                    computation = words(SourcesMessage.computedRespondents, ["label": figure.label])
                case .margin:
                    computation = words(SourcesMessage.computedMargin, ["label": figure.label])
                default:
                    break
                }
            }
            assumption = figure.assumption ?? figure.group.flatMap { dataset.groups[$0]?.assumption }
        case .derived(let value):
            let owner = dataset.figures[value.ownerKey]
            let label = owner?.label ?? dataset.groups[value.ownerKey]?.label ?? value.ownerKey
            computation = words(SourcesMessage.computedDerived, ["label": label, "method": value.method])
            assumption = owner.flatMap { $0.assumption ?? $0.group.flatMap { dataset.groups[$0]?.assumption } }
                ?? dataset.groups[value.ownerKey]?.assumption
        case nil:
            break
        }
    }

    /// The text of a `title` attribute: « Source : … », or « Calculé à partir de … ; source : … »,
    /// then « ; hypothèse : … » when an assumption is involved.
    var tooltip: String? {
        let words = language.messages
        var parts: [String] = []
        if let computation { parts.append(computation) }
        if !sources.isEmpty {
            let titles = sources.map(\.title).joined(separator: words(SourcesMessage.separator))
            parts.append(words(sources.count > 1 ? SourcesMessage.tooltipSourceOther : .tooltipSourceOne, ["sources": titles]))
        }
        if let assumption {
            // After a colon, French goes on in lowercase.
            parts.append(words(SourcesMessage.tooltipAssumption, ["assumption": FigureFormatter.label(assumption, lowercased: language.lowercasesInSentences, language: language)]))
        }
        // The parts go on after one another: only the first starts with a capital.
        guard let first = parts.first else { return nil }
        parts[0] = first.prefix(1).uppercased() + first.dropFirst()
        return parts.joined(separator: words(SourcesMessage.separator))
    }

    /// A few words for the « origine » column: what kind of number this is.
    var origin: String {
        let key: SourcesMessage
        switch (computation != nil, assumption != nil) {
        case (false, false): key = .originGiven
        case (false, true): key = .originGivenAssumed
        case (true, false): key = .originComputed
        case (true, true): key = .originComputedAssumed
        }
        return language.messages(key)
    }
}
