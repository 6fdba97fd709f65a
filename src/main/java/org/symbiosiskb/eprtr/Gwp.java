package org.symbiosiskb.eprtr;

import java.util.Locale;

/**
 * 100-year global warming potentials, kg CO2e per kg of gas, that turn a register's CH4 and N2O
 * into CO2 equivalents.
 *
 * <ul>
 * <li>{@link #AR5}, the default: IPCC Fifth Assessment Report, WG I, chapter 8, Table 8.7 (without
 * climate-carbon feedbacks): CH4 28, N2O 265. These are the values of today's UNFCCC inventories
 * and of EU reporting, so the figures compare with what companies and states publish.</li>
 * <li>{@link #AR6} on request: IPCC Sixth Assessment Report, WG I, chapter 7, section 7.6.1.1 and
 * Table 7.15: CH4 of fossil origin 29.8, CH4 of non-fossil origin 27.0, N2O 273. E-PRTR reports a
 * facility's methane without its origin; we use the non-fossil 27.0, because the facilities that
 * report CH4 in the Nordic extracts are landfills, biological waste treatment and waste-water
 * plants (Annex I activities 5(a)–5(g): in Finland's 2017–2023 extract all 195 CH4 rows), whose methane comes
 * from decomposing organic matter. The fossil value, 2.8 higher, adds the CO2 that fossil methane
 * becomes when it oxidises; it would apply to methane leaking from gas systems or refineries.</li>
 * </ul>
 */
public enum Gwp {

    AR5(28.0, 265.0, "IPCC AR5 WG I Table 8.7, 100-year: CH4 28, N2O 265"),
    AR6(27.0, 273.0, "IPCC AR6 WG I Table 7.15, 100-year: CH4 (non-fossil) 27.0, N2O 273");

    /** AR6 CH4 of fossil origin (Table 7.15), written down for the comparison above; not used for E-PRTR methane. */
    static final double AR6_CH4_FOSSIL = 29.8;

    private final double ch4;
    private final double n2o;
    private final String source;

    Gwp(double ch4, double n2o, String source) {
        this.ch4 = ch4;
        this.n2o = n2o;
        this.source = source;
    }

    public double ch4() {
        return ch4;
    }

    public double n2o() {
        return n2o;
    }

    /** Where the values come from, as the converted records' notes say it. */
    public String source() {
        return source;
    }

    /** AR5 or AR6 (case-insensitive); null or blank is AR5. */
    public static Gwp parse(String value) {
        if (value == null || value.isBlank()) {
            return AR5;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gwp must be AR5 or AR6, found \"" + value + "\"");
        }
    }
}
