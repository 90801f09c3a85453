package org.openita.core.analysis;

/**
 * One line of the report's sign-off block.
 *
 * @param role what this person does with the report
 * @param name the person's name, or null to leave a line for a hand-written name
 * @param position the person's position (ตำแหน่ง), e.g. "ปลัดองค์การบริหารส่วนตำบล"; required
 */
public record Signatory(Role role, String name, String position) {

    public enum Role {
        /** ผู้จัดทำ */
        PREPARED,
        /** ผู้ตรวจสอบ / ผู้ทบทวน */
        REVIEWED,
        /** ผู้อนุมัติ / ผู้รับรอง */
        APPROVED
    }

    public Signatory {
        if (role == null) {
            throw new IllegalArgumentException("role");
        }
        if (position == null || position.isBlank()) {
            throw new IllegalArgumentException("position");
        }
        name = name == null || name.isBlank() ? null : name;
    }
}
