import Foundation
import StudyModel

/// The words a student sees for an error: the error's own message, never a type name or a
/// stored field name. The text is sanitised when it is written (see `Output`), since
/// messages may quote arguments and file names.
enum ErrorText {
    static func describe(_ error: Error) -> String {
        switch error {
        case let error as CLIError: return error.description
        case let error as ValidationError: return error.message
        case StoreError.invalid(let error): return error.message
        case is DecodingError: return "The stored data could not be read (it is not in the form this version expects)."
        default: return String(describing: error)
        }
    }
}
