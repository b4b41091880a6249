/// A cached line of text: what it says and in which style (colour is applied when it is drawn).
struct TextLineKey: Hashable {
    var text: String
    var style: FontStyle
}
