/// The project `etude new` creates: settings, three pages and a data file of fictitious
/// figures, compiled into the program. Its files are generated from
/// `Sources/EtudeCore/Resources/starter/` (French) and `starter-en/` (English) by
/// `Scripts/generate-theme.swift` (`make theme`).
public enum StarterProject {
    /// Dotfiles, which the generator leaves out (a `.gitignore` in Resources/ would act on
    /// this repository).
    static let dotfiles = [".gitignore": "# Written by etude build: not a source of the project.\noutput/\n"]

    /// Every file `etude new` writes, by path in the new project.
    public static var all: [String: String] { files.merging(dotfiles) { first, _ in first } }

    /// The languages a starter project is written in.
    public static let languages = ["fr", "en"]

    /// Every file of the starter project in `language` (its primary subtag), nil when there is none.
    public static func all(language: String) -> [String: String]? {
        switch language.split(separator: "-").first.map({ $0.lowercased() }) {
        case "fr": return all
        case "en": return englishFiles.merging(dotfiles) { first, _ in first }
        default: return nil
        }
    }
}
