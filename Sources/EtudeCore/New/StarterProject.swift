/// The project `etude new` creates: settings, three pages and a data file of fictitious
/// figures, compiled into the program. Its files are generated from
/// `Sources/EtudeCore/Resources/starter/` by `Scripts/generate-theme.swift` (`make theme`).
public enum StarterProject {}
