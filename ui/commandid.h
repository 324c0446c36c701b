#pragma once
// The ids of the undo commands, in one place (as Tiled keeps them), so no two kinds of command
// answer QUndoCommand::id() with the same number by accident. None of them merges today; the
// id still tells a test or a future merge which kind of edit sits on the stack.

namespace rapport::ui {

enum CommandId : int {
    AddRecordCommand = 1,
    UpdateRecordCommand,
    RemoveRecordCommand,
    CompositeCommandId,
    CreateCampaignCommand,
    PostEditCommandId,
};

}  // namespace rapport::ui
