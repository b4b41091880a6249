import Testing
import ArmIO

/// The one did-you-mean the scenario reader and the subcommand line share.
@Suite struct NameSuggestionTests {
    @Test(arguments: [("rnu", "run"), ("rn", "run"), ("valdate", "validate"), ("lims", "limits"),
                      ("sim", "simulation"), ("Pose", "pose"), ("manipulabilty", "manipulability")])
    func nearWordsSuggest(word: String, meant: String) {
        let names = ["run", "validate", "limits", "simulation", "pose", "position", "manipulability"]
        #expect(NameSuggestion.closest(to: word, in: names) == meant)
    }

    @Test func farOffAndEmptyWordsSuggestNothing() {
        #expect(NameSuggestion.closest(to: "xyzzy", in: ["run", "validate", "inspect"]) == nil)
        #expect(NameSuggestion.closest(to: "", in: ["run"]) == nil)
    }

    /// Equal distances go to the candidate sharing the longer prefix, whatever the order given.
    @Test func tiesGoToTheLongerCommonPrefix() {
        #expect(NameSuggestion.closest(to: "poze", in: ["doze", "pose"]) == "pose")   // one edit from each
        #expect(NameSuggestion.closest(to: "poze", in: ["pose", "doze"]) == "pose")
    }
}
