import ArgumentParser
import Foundation
import StudyModel
import StudyStore

extension RoomCommand {
    /// `room invite ROOM USER`: the creator (or an admin) adds a member.
    struct Invite: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "invite", abstract: "Add a user to a room (its creator or an admin).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Room name or id.") var room: String
        @Argument(help: "Username to invite.") var username: String
        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            let updated = try await CLIError.wrapAsync {
                let target = try await RoomCommand.find(room, in: context.store)
                do {
                    return try await context.store.access(as: user).invite(roomId: target.roomId, username: username)
                } catch StoreError.notFound(entity: "user", _) {
                    throw CLIError(description: "No user named '\(TextSafety.plain(username))'. See `studycircle user list`.")
                }
            }
            print("\(TextSafety.plain(username)) is now a member of #\(TextSafety.plain(updated.name)) (\(updated.members.count) members).")
        }
    }

    /// `room members ROOM`: the member list, for those who may see the room.
    struct Members: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "members", abstract: "List a room's members.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Room name or id.") var room: String
        @Flag(help: "Print JSON.") var json = false
        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            let (target, members) = try await CLIError.wrapAsync { () -> (ChatRoom, [String]) in
                let target = try await RoomCommand.find(room, in: context.store)
                return (target, try await context.store.access(as: user).members(roomId: target.roomId))
            }
            if json {
                struct Report: Encodable { var roomId: String; var name: String; var isPrivate: Bool; var createdBy: String; var members: [String] }
                try PlanSupport.printJSON(Report(roomId: target.roomId, name: target.name, isPrivate: target.isPrivate,
                                                 createdBy: target.createdBy, members: members))
                return
            }
            for member in members.sorted() {
                print(Username.key(member) == Username.key(target.createdBy) ? "\(TextSafety.plain(member)) (creator)" : TextSafety.plain(member))
            }
        }
    }

    /// `room remove ROOM USER`: the creator (or an admin) removes a member.
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a member from a room (its creator or an admin).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Room name or id.") var room: String
        @Argument(help: "Username to remove.") var username: String
        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            let updated = try await CLIError.wrapAsync {
                let target = try await RoomCommand.find(room, in: context.store)
                return try await context.store.access(as: user).remove(roomId: target.roomId, username: username)
            }
            print("#\(TextSafety.plain(updated.name)) has \(updated.members.count) members.")
        }
    }

    /// `room leave ROOM`.
    struct Leave: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "leave", abstract: "Leave a room.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Room name or id.") var room: String
        func run() async throws {
            let context = try await CommandContext.open(global)
            let user = try await context.currentUser()
            let updated = try await CLIError.wrapAsync {
                let target = try await RoomCommand.find(room, in: context.store)
                return try await context.store.access(as: user).leave(roomId: target.roomId)
            }
            print("You left #\(TextSafety.plain(updated.name)).")
        }
    }
}
