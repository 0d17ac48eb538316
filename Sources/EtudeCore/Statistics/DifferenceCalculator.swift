/// Computes a declared difference of two shares: its value in points with its sign, and,
/// when both shares have a base, its 95 % margin and whether it is significant.
struct DifferenceCalculator {
    let dataset: Dataset
    let resolved: [String: ResolvedFigure]

    func values(of declaration: DifferenceDeclaration) throws -> [DerivedValue] {
        let (first, second) = (try share(declaration.of.0, for: declaration), try share(declaration.of.1, for: declaration))
        let decimals = max(first.figure.decimals, second.figure.decimals)
        func value(_ suffix: String, _ label: String, _ number: Double, _ decimals: Int, _ unit: DerivedValue.Unit, _ method: String, text: String? = nil) -> DerivedValue {
            DerivedValue(key: declaration.key + suffix, label: label, value: number, decimals: decimals, unit: unit,
                         text: text, ownerKey: first.figure.key, method: method)
        }
        let words = dataset.language.messages
        var values = [value("", declaration.label, first.figure.value - second.figure.value, decimals, .signedPoints,
                            words(StatisticsMessage.differenceMethod, ["first": first.figure.label, "second": second.figure.label]))]
        guard let base1 = first.baseCount, let base2 = second.baseCount else { return values }
        // A weighted share's sampling error is that of its effective (Kish) sample size.
        let (n1, n2) = (first.figure.effectiveBase ?? base1, second.figure.effectiveBase ?? base2)
        let same = sameRespondents(first.figure, second.figure) && n1 == n2
        let test = same
            ? ProportionDifference.sameRespondents(first.figure.value, second.figure.value, of: n1)
            : ProportionDifference.independent(first.figure.value, of: n1, second.figure.value, of: n2)
        let method = words(same ? StatisticsMessage.differenceMethodSame : .differenceMethodIndependent)
        let label = ["label": declaration.label]
        values.append(value(".margin", words(StatisticsMessage.marginLabel, label), test.margin, 1, .points, method))
        values.append(value(".significance", words(StatisticsMessage.differenceSignificanceLabel, label), test.isSignificant ? 1 : 0, 0, .text, method,
                            text: words(test.isSignificant ? StatisticsMessage.significant : .notSignificant)))
        return values
    }

    /// Two parts of one group, or two figures on the same base, describe the same people.
    private func sameRespondents(_ a: Figure, _ b: Figure) -> Bool {
        if let group = a.group, group == b.group { return true }
        if case .key(let key) = a.base, a.base == b.base { return !key.isEmpty }
        return false
    }

    private func share(_ key: String, for declaration: DifferenceDeclaration) throws -> ResolvedFigure {
        guard let figure = resolved[key] else {
            let shares = dataset.figureOrder.filter { dataset.figures[$0]?.unit == .percent }
            throw Diagnostic(file: declaration.file, at: declaration.ofLocation,
                             message: "unknown figure '\(key)' in the difference '\(declaration.key)'\(Suggestion.didYouMean(key, among: shares))")
        }
        guard figure.figure.unit == .percent, figure.figure.kind != .bound else {
            throw Diagnostic(file: declaration.file, at: declaration.ofLocation,
                             message: "'\(key)' is not a share, so the difference '\(declaration.key)' cannot be computed; a difference compares two shares (unit percent)")
        }
        return figure
    }
}
