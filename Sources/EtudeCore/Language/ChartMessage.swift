/// The words of charts: captions, descriptions for screen readers, notes, data tables, downloads.
public enum ChartMessage: String, MessageKey {
    case caption = "chart.caption"
}
