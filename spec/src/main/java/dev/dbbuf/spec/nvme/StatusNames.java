package dev.dbbuf.spec.nvme;

import java.util.Map;

/** Human names of the status codes the kit uses, for messages. */
final class StatusNames {

    private static final Map<Integer, String> GENERIC = Map.ofEntries(
        Map.entry(0x00, "Successful Completion"),
        Map.entry(0x01, "Invalid Command Opcode"),
        Map.entry(0x02, "Invalid Field in Command"),
        Map.entry(0x03, "Command ID Conflict"),
        Map.entry(0x04, "Data Transfer Error"),
        Map.entry(0x06, "Internal Error"),
        Map.entry(0x07, "Command Abort Requested"),
        Map.entry(0x08, "Command Aborted due to SQ Deletion"),
        Map.entry(0x0B, "Invalid Namespace or Format"),
        Map.entry(0x13, "Invalid PRP Offset"),
        Map.entry(0x80, "LBA Out of Range"));
    private static final Map<Integer, String> COMMAND_SPECIFIC = Map.of(
        0x00, "Completion Queue Invalid",
        0x01, "Invalid Queue Identifier",
        0x02, "Invalid Queue Size",
        0x03, "Abort Command Limit Exceeded",
        0x05, "Asynchronous Event Request Limit Exceeded",
        0x08, "Invalid Interrupt Vector",
        0x0C, "Invalid Queue Deletion");

    private StatusNames() {
    }

    static String describe(final Status status) {
        final Map<Integer, String> names = switch (status.sct()) {
            case Status.SCT_GENERIC -> GENERIC;
            case Status.SCT_COMMAND_SPECIFIC -> COMMAND_SPECIFIC;
            default -> Map.of();
        };
        return names.getOrDefault(status.sc(), "Status");
    }
}
