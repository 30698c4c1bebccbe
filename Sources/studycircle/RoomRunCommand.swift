import ArgumentParser
import Foundation
import StudyEngine
import StudyModel
import StudyStore

extension RoomCommand {
    /// `studycircle room run MESSAGE_ID`: runs the message's fenced code on JDoodle and posts
    /// the result as a reply in the room.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run the fenced code block of a message on JDoodle and post the output to its room.",
            discussion: "The program text is sent to JDoodle only by this command. Needs JDOODLE_CLIENT_ID and JDOODLE_CLIENT_SECRET.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The message id (`room history ROOM --ids` shows them).") var messageId: String
        @Option(help: "Text for the program's standard input.") var stdin = ""
        @Flag(help: "Print the run's result as JSON.") var json = false

        func run() async throws {
            let context = try await CommandContext.open(global)
            let client: JDoodleClient
            do {
                client = try JDoodleClient.from(context.settings.variables)
            } catch let error as CodeRunError {
                throw CLIError(description: error.message)
            }
            let user = try await context.currentUser()
            let (result, reply) = try await CLIError.wrapAsync { () -> (CodeRunResult, Message) in
                let access = context.store.access(as: user)
                guard let message = try await access.message(id: messageId) else {
                    throw CLIError(description: "No message with id '\(TextSafety.plain(messageId))'.")
                }
                guard let block = CodeBlock.first(in: message.text) else {
                    throw CLIError(description: "That message has no fenced code block with a language (```python … ```); nothing was run.")
                }
                let result: CodeRunResult
                do {
                    result = try await client.run(code: block.code, fenceTag: block.language, stdin: stdin)
                } catch let error as CodeRunError {
                    throw CLIError(description: error.message)
                }
                let reply = try await access.send(Message(
                    roomId: message.roomId, sender: user.username,
                    text: result.replyText(to: message.messageId, by: user.username)))
                return (result, reply)
            }
            if json {
                struct Report: Encodable { var result: CodeRunResult; var replyId: String }
                try PlanSupport.printJSON(Report(result: result, replyId: reply.messageId))
            } else {
                print(reply.text)
            }
        }
    }
}
