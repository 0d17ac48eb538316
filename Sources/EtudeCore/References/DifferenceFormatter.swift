extension FigureFormatter {
    /// A declared difference of two shares, in the format a reference asks for.
    func difference(_ value: DerivedValue, _ format: ReferenceFormat) -> Result<String, FormatProblem> {
        var decimals = value.decimals
        switch format {
        case .standard:
            break
        case .decimals(let wanted):
            decimals = wanted
        case .number:
            let rounded = NumberStyle.rounded(value.value, decimals: decimals)
            return .success((rounded > 0 ? "+" : "") + numbers.number(rounded, decimals: decimals))
        case .margin:
            guard case .derived(let margin)? = table[value.key + ".margin"] else {
                return .failure("'\(value.key)' has no margin of error: both shares it compares need a base")
            }
            return .success(signedPoints(value.value, decimals: decimals) + " ("
                + language.messages(FormatMessage.margin, ["points": pointsText(margin.value, decimals: 1)]) + ")")
        case .change:
            let rounded = NumberStyle.rounded(value.value, decimals: decimals)
            if rounded == 0 { return .success(language.messages(FormatMessage.changeStable)) }
            let size = pointsText(abs(rounded), decimals: decimals)
            return .success(language.messages(rounded > 0 ? FormatMessage.changeUp : .changeDown, ["points": size]))
        default:
            return .failure("'\(value.key)' is a difference; its formats are decimals, number, margin and change")
        }
        return .success(signedPoints(value.value, decimals: decimals))
    }
}
