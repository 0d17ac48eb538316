/// The project `etude new` creates: settings, three pages and a data file of fictitious
/// figures, compiled into the program. Its files are generated from
/// `Sources/EtudeCore/Resources/starter/` by `Scripts/generate-theme.swift` (`make theme`).
public enum StarterProject {
    /// Dotfiles, which the generator leaves out (a `.gitignore` in Resources/ would act on
    /// this repository).
    static let dotfiles = [".gitignore": "# Written by etude build: not a source of the project.\noutput/\n"]

    /// Every file `etude new` writes, by path in the new project.
    public static var all: [String: String] { files.merging(dotfiles) { first, _ in first } }
}
