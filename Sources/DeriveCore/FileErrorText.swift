import Foundation

/// A file system error in words, for a person: what failed and where, without Foundation's error
/// domain, code and user-info dictionary (`the volume is read only: /site/.Site.staging-1`).
public enum FileErrorText {
    /// `error` in words: a `CocoaError` as its reason and path, anything else as it describes itself.
    public static func describe(_ error: any Error) -> String {
        guard let cocoa = error as? CocoaError else { return "\(error)" }
        var text = (cocoa.userInfo[NSLocalizedDescriptionKey] as? String) ?? cocoa.localizedDescription
        // Foundation on Linux prefixes its reasons with this sentence, which says nothing.
        let filler = "The operation could not be completed. "
        if text.hasPrefix(filler) { text.removeFirst(filler.count) }
        if let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            text += " (" + String(cString: strerror(Int32(underlying.code))) + ")"
        }
        if let path = cocoa.filePath ?? cocoa.url?.path, !text.contains(path) { text += ": " + path }
        return text
    }
}
