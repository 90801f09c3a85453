package org.openita.server.measures;

import java.util.ArrayList;
import java.util.List;

/**
 * A measure as typed into the form or sent to the API, before it is checked. Dates are ISO (yyyy-mm-dd);
 * steps one per line; OIT items separated by commas or spaces; milestones as label and date pairs.
 */
public class MeasureForm {
    private String title = "";
    private String steps = "";
    private String unit = "";
    private String owner = "";
    private String startsOn = "";
    private String dueOn = "";
    private String addresses = "";
    private String success = "";
    private String oitItems = "";
    private List<String> milestoneLabel = new ArrayList<>();
    private List<String> milestoneDue = new ArrayList<>();
    private int version;

    public String getTitle() { return title; }
    public void setTitle(String v) { title = v == null ? "" : v; }
    public String getSteps() { return steps; }
    public void setSteps(String v) { steps = v == null ? "" : v; }
    public String getUnit() { return unit; }
    public void setUnit(String v) { unit = v == null ? "" : v; }
    public String getOwner() { return owner; }
    public void setOwner(String v) { owner = v == null ? "" : v; }
    public String getStartsOn() { return startsOn; }
    public void setStartsOn(String v) { startsOn = v == null ? "" : v; }
    public String getDueOn() { return dueOn; }
    public void setDueOn(String v) { dueOn = v == null ? "" : v; }
    public String getAddresses() { return addresses; }
    public void setAddresses(String v) { addresses = v == null ? "" : v; }
    public String getSuccess() { return success; }
    public void setSuccess(String v) { success = v == null ? "" : v; }
    public String getOitItems() { return oitItems; }
    public void setOitItems(String v) { oitItems = v == null ? "" : v; }
    public List<String> getMilestoneLabel() { return milestoneLabel; }
    public void setMilestoneLabel(List<String> v) { milestoneLabel = v == null ? new ArrayList<>() : new ArrayList<>(v); }
    public List<String> getMilestoneDue() { return milestoneDue; }
    public void setMilestoneDue(List<String> v) { milestoneDue = v == null ? new ArrayList<>() : new ArrayList<>(v); }
    public int getVersion() { return version; }
    public void setVersion(int v) { version = v; }

    /** The form filled with a stored measure, with room for two more milestones. */
    static MeasureForm of(Measure m) {
        MeasureForm f = new MeasureForm();
        f.title = m.title();
        f.steps = String.join("\n", m.steps());
        f.unit = m.unit() == null ? "" : m.unit();
        f.owner = m.owner() == null ? "" : m.owner();
        f.startsOn = m.startsOn() == null ? "" : m.startsOn().toString();
        f.dueOn = m.dueOn() == null ? "" : m.dueOn().toString();
        f.addresses = m.addresses();
        f.success = m.success() == null ? "" : m.success();
        f.oitItems = String.join(", ", m.oitItems());
        m.milestones().forEach(x -> {
            f.milestoneLabel.add(x.label());
            f.milestoneDue.add(x.dueOn().toString());
        });
        f.version = m.version();
        f.padMilestones();
        return f;
    }

    void padMilestones() {
        int rows = Math.max(milestoneLabel.size(), milestoneDue.size()) + 2;
        while (milestoneLabel.size() < rows) {
            milestoneLabel.add("");
        }
        while (milestoneDue.size() < rows) {
            milestoneDue.add("");
        }
    }
}
