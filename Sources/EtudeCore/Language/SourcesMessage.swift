/// The words of « Sources et méthode », of tooltips saying where a figure comes from, and of
/// the note closing a page that cites figures.
public enum SourcesMessage: String, MessageKey {
    case heading = "sources.heading"
}
