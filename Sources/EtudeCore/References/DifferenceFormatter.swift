extension FigureFormatter {
    /// A declared difference of two shares, in the format a reference asks for.
    func difference(_ value: DerivedValue, _ format: ReferenceFormat) -> Result<String, FormatProblem> {
        typealias F = FrenchNumberFormatter
        var decimals = value.decimals
        switch format {
        case .standard:
            break
        case .decimals(let wanted):
            decimals = wanted
        case .number:
            let rounded = F.rounded(value.value, decimals: decimals)
            return .success((rounded > 0 ? "+" : "") + F.number(rounded, decimals: decimals))
        case .margin:
            guard case .derived(let margin)? = table[value.key + ".margin"] else {
                return .failure("'\(value.key)' has no margin of error: both shares it compares need a base")
            }
            return .success(Self.signedPoints(value.value, decimals: decimals) + " (±" + F.noBreakSpace
                + Self.pointsText(margin.value, decimals: 1) + ")")
        case .change:
            let rounded = F.rounded(value.value, decimals: decimals)
            if rounded == 0 { return .success("stable") }
            let size = Self.pointsText(abs(rounded), decimals: decimals)
            return .success((rounded > 0 ? "en hausse de " : "en baisse de ") + size)
        default:
            return .failure("'\(value.key)' is a difference; its formats are decimals, number, margin and change")
        }
        return .success(Self.signedPoints(value.value, decimals: decimals))
    }
}
