package org.symbiosiskb.analytics;

import java.util.List;

/** What the inventories read (docs/calculator.md): organizations' processes, their activity lines, reported records, network members. */
interface CalculatorGraph {

    boolean exists(String label, String id);

    /** The processes an organization OPERATES, in id order. */
    List<String> processesOperatedBy(String organization);

    /** The activity lines of these processes in a year, with their factors, in process and id order. */
    List<Ghg.Activity> activities(List<String> processes, int year);

    /** The REPORTED scope-1 records of a process in a year (a register's figures), as ids and figures. */
    List<Records.EmissionRecord> reportedScope1(String process, int year);

    /** An organization that is a member of a network (an agreed MEMBER_OF link), with its climatePartnerSince. */
    record Member(String organization, Long climatePartnerSince) {
    }

    /** The network's member organizations, in id order. */
    List<Member> members(String network);
}
