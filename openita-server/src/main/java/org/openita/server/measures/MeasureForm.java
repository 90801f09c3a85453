package org.openita.server.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.openita.server.web.FormDates;

/**
 * A measure as typed into the form or sent to the API, before it is checked. Dates are ISO (yyyy-mm-dd) from
 * the API; from the web form they are read as the page's reader says (day/month/year, Buddhist era on Thai
 * pages), and shown back as typed when something is wrong; steps one per line; OIT items separated by commas or spaces; milestones as label and date pairs.
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
    /** Not a bean property, so a request cannot set it: the web controller does. */
    private FormDates.Reader dates;

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

    /** Reads this form's dates as people type them on a page, rather than as ISO dates. */
    public void readDatesWith(FormDates.Reader reader) { dates = reader; }
    public FormDates.Reader dateReader() { return dates; }

    /** The form filled with a stored measure, dates written by {@code show}, with room for two more milestones. */
    public static MeasureForm of(Measure m, Function<LocalDate, String> show) {
        MeasureForm f = new MeasureForm();
        f.title = m.title();
        f.steps = String.join("\n", m.steps());
        f.unit = m.unit() == null ? "" : m.unit();
        f.owner = m.owner() == null ? "" : m.owner();
        f.startsOn = m.startsOn() == null ? "" : show.apply(m.startsOn());
        f.dueOn = m.dueOn() == null ? "" : show.apply(m.dueOn());
        f.addresses = m.addresses();
        f.success = m.success() == null ? "" : m.success();
        f.oitItems = String.join(", ", m.oitItems());
        m.milestones().forEach(x -> {
            f.milestoneLabel.add(x.label());
            f.milestoneDue.add(show.apply(x.dueOn()));
        });
        f.version = m.version();
        f.padMilestones();
        return f;
    }

    public void padMilestones() {
        int rows = Math.max(milestoneLabel.size(), milestoneDue.size()) + 2;
        while (milestoneLabel.size() < rows) {
            milestoneLabel.add("");
        }
        while (milestoneDue.size() < rows) {
            milestoneDue.add("");
        }
    }
}
