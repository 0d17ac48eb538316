/// The labels and methods of computed values (margins, ranks, differences, tests, figures
/// from raw answers), which « Sources et méthode », tooltips and the export show.
public enum StatisticsMessage: String, MessageKey {
    case significant = "statistics.significant"
}
