-- How the agency shows a measure succeeded (ตัวชี้วัดความสำเร็จ), printed with the measure in the analysis report.
alter table measure add column success text;
