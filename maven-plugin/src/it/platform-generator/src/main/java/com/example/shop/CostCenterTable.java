package com.example.shop;

/** The cost center of each team. */
final class CostCenterTable {

    private CostCenterTable() {
    }

    static String of(String team) {
        return team.equals("web") ? "cc-web-42" : "cc-unassigned";
    }
}
