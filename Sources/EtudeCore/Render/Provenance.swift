/// Where a published value comes from, in the words a reader sees wherever it is shown
/// (tooltip, « Sources et méthode », export): given by its source, or computed by Étude
/// (from what, how), and the assumption it rests on, so that nothing the site computed
/// or assumed passes for a figure of the source.
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
        let dataset = table.dataset
        switch table[key] {
        case .typed(let resolved):
            let figure = resolved.figure
            if let from = figure.computedFrom {
                let label = dataset.figures[from]?.label ?? from
                computation = "calculé à partir de « \(label) » : part × base, arrondi à l’unité"
            } else if figure.file == SurveyDeclaration.file {
                computation = AnswersLoader.provenance(of: figure)
            } else if figure.unit == .percent, resolved.baseCount != nil {
                // What the reference writes is computed from the share, not the share itself.
                switch format {
                case .respondents where figure.count == nil:
                    computation = "nombre de répondants calculé à partir de « \(figure.label) » : part × base, arrondi à l’unité (estimation, la part étant arrondie)"
                case .margin:
                    computation = "intervalle de confiance à 95 % (méthode de Wilson) calculé à partir de « \(figure.label) » et de sa base"
                default:
                    break
                }
            }
            assumption = figure.assumption ?? figure.group.flatMap { dataset.groups[$0]?.assumption }
        case .derived(let value):
            let owner = dataset.figures[value.ownerKey]
            let label = owner?.label ?? dataset.groups[value.ownerKey]?.label ?? value.ownerKey
            computation = "calculé à partir de « \(label) » : \(value.method)"
            assumption = owner.flatMap { $0.assumption ?? $0.group.flatMap { dataset.groups[$0]?.assumption } }
                ?? dataset.groups[value.ownerKey]?.assumption
        case nil:
            break
        }
    }

    /// The text of a `title` attribute: « Source : … », or « Calculé à partir de … ; source : … »,
    /// then « ; hypothèse : … » when an assumption is involved.
    var tooltip: String? {
        var parts: [String] = []
        if let computation { parts.append(computation.prefix(1).uppercased() + computation.dropFirst()) }
        if !sources.isEmpty {
            parts.append((parts.isEmpty ? "Source" : "source") + (sources.count > 1 ? "s : " : " : ") + sources.map(\.title).joined(separator: " ; "))
        }
        if let assumption {
            // After a colon, French goes on in lowercase.
            parts.append((parts.isEmpty ? "Hypothèse : " : "hypothèse : ") + FigureFormatter.label(assumption, lowercased: true, language: language))
        }
        return parts.isEmpty ? nil : parts.joined(separator: " ; ")
    }

    /// A few words for the « origine » column: what kind of number this is.
    var origin: String {
        switch (computation != nil, assumption != nil) {
        case (false, false): return "donné par la source"
        case (false, true): return "donné par la source ; base supposée"
        case (true, false): return "calculé"
        case (true, true): return "calculé sur une hypothèse"
        }
    }
}
