package org.syndication.catalog.classify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default taxonomy on items of other publishers and in other languages: invented police, ministry and NGO
 * texts (written for this test), each with the themes a careful reader gives it; unrelated texts get none.
 */
class MultilingualThemesTest {

    private static final Classifier CLASSIFIER = new Classifier(TaxonomyFile.readClasspathDefault(), GoldThemesTest.SETTINGS);

    static Stream<Arguments> items() {
        return Stream.of(
                Arguments.of("German police report on a smuggler",
                        "Schleuser auf der Autobahn festgenommen",
                        "Beamte der Bundespolizei haben am Dienstag einen 34-jährigen Mann festgenommen. In seinem "
                                + "Kleintransporter saßen sieben Personen ohne Papiere, die unerlaubt eingereist waren. "
                                + "Gegen den Fahrer wird wegen des Verdachts der Schleusung ermittelt.",
                        List.of("migrant-smuggling")),
                Arguments.of("German compound words",
                        "Fachtag gegen Menschenhandel und Zwangsprostitution",
                        "Beratungsstellen berichten über Betroffene des Menschenhandels in der Region.",
                        List.of("trafficking-in-persons")),
                Arguments.of("German corruption case",
                        "Ermittlungen wegen Bestechung im Bauamt",
                        "Die Staatsanwaltschaft wirft zwei Beamten Korruption und Vorteilsannahme vor; es geht um "
                                + "Schmiergeldzahlungen bei der Vergabe von Aufträgen.",
                        List.of("corruption")),
                Arguments.of("French ministry communiqué on narcotics",
                        "Saisie record de stupéfiants dans le port",
                        "Les enquêteurs ont saisi deux tonnes de résine de cannabis et interpellé trois trafiquants "
                                + "présumés. Le ministre salue la lutte contre le trafic de drogue.",
                        List.of("drugs-and-health")),
                Arguments.of("French text written without accents",
                        "Lutte contre la traite des etres humains",
                        "Une association accompagne les victimes d'exploitation sexuelle.",
                        List.of("trafficking-in-persons")),
                Arguments.of("Spanish item on trafficking in persons",
                        "Rescatan a doce víctimas de trata de personas",
                        "Las mujeres eran obligadas a trabajar sin salario. La policía detuvo a cuatro integrantes de "
                                + "la red.",
                        List.of("trafficking-in-persons")),
                Arguments.of("Portuguese campaign",
                        "Campanha alerta motoristas sobre o tráfico de pessoas",
                        "Agentes distribuíram folhetos sobre trabalho escravo e exploração sexual nas estradas.",
                        List.of("trafficking-in-persons")),
                Arguments.of("Italian anti-mafia operation",
                        "Riciclaggio e corruzione: arrestati tre funzionari",
                        "L'inchiesta della procura ha scoperto tangenti pagate per ottenere appalti pubblici.",
                        List.of("corruption")),
                Arguments.of("Dutch item",
                        "Politie rolt netwerk voor mensenhandel op",
                        "Vijf verdachten zijn aangehouden voor mensenhandel en uitbuiting van arbeidsmigranten.",
                        List.of("trafficking-in-persons")),
                Arguments.of("English wildlife seizure",
                        "Pangolin scales and ivory seized in port raid",
                        "Officers found poaching trophies and tonnes of scales destined for the illegal wildlife trade.",
                        List.of("environmental-crime")),
                Arguments.of("English police report on an organised crime group",
                        "Organised crime group jailed for money laundering",
                        "Members of the gang laundered the profits of fraud through shell companies, the court heard.",
                        List.of("corruption", "organized-crime")),
                Arguments.of("English item without a title",
                        "",
                        "Detectives have charged a man with preparing an extremist attack after explosives were found "
                                + "at his flat. He will appear in court on Monday.",
                        List.of("terrorism-prevention")),
                Arguments.of("German statistics on unauthorised entries",
                        "Weniger unerlaubte Einreisen im Süden",
                        "Die Beamten registrierten im vergangenen Jahr deutlich weniger Fälle als im Jahr davor. "
                                + "Die Kontrollen werden fortgesetzt.",
                        List.of("border-and-maritime-security", "migrant-smuggling")),
                Arguments.of("English item on leaked offshore files",
                        "Ministers named in the Pandora Papers",
                        "The leaked files show how two ministers held their savings through companies registered "
                                + "abroad. Both deny any wrongdoing.",
                        List.of("corruption")),
                Arguments.of("Cocaine seizure named in the title",
                        "Officers seize 800 kg of cocaine in frozen fish",
                        "The packages were hidden in a lorry's load and found during a routine check.",
                        List.of("drugs-and-health")),
                Arguments.of("Border agents find people in a lorry",
                        "Border agents find 42 people locked inside a lorry",
                        "The driver was arrested at the checkpoint; the passengers were taken to hospital.",
                        List.of("border-and-maritime-security")),
                Arguments.of("Prison overcrowding plan",
                        "Minister presents plan to end prison overcrowding",
                        "The plan adds 2,000 places, more probation officers and electronic tags for short sentences, "
                                + "as the number of inmates reached a record this spring.",
                        List.of("criminal-justice")),
                Arguments.of("Warning about scam text messages",
                        "Police warn of smishing wave",
                        "Residents have received messages asking them to pay a small fee for a parcel and to enter "
                                + "their card details on a fake website.",
                        List.of("cybercrime")),
                Arguments.of("Italian illegal waste disposal",
                        "Smaltimento illecito di rifiuti: sequestrata un'area di 5 ettari",
                        "I carabinieri hanno trovato fusti di vernici e pneumatici interrati in un terreno agricolo.",
                        List.of("environmental-crime")),
                Arguments.of("UK county lines case",
                        "Nine jailed over county lines operation",
                        "The group sent teenagers from the city to coastal towns to sell on its behalf.",
                        List.of("drugs-and-health")),
                Arguments.of("Austrian smuggling case",
                        "Schlepper an der Grenze festgenommen",
                        "Im Fahrzeug befanden sich zwölf Personen ohne Reisedokumente.",
                        List.of("migrant-smuggling")),
                Arguments.of("Spanish small-boat arrival",
                        "Llega una patera con 31 personas a la costa",
                        "Salvamento Marítimo atendió a los ocupantes, entre ellos cuatro menores.",
                        List.of("migrant-smuggling")),
                Arguments.of("Fly-tipping prosecution",
                        "Fly-tipper ordered to pay £1,850",
                        "The council traced the dumped furniture back to the man's van.",
                        List.of("environmental-crime")),
                Arguments.of("Swedish customs seizure",
                        "Tullen hittade 40 kilo kokain i en container",
                        "Tullverket beslagtog narkotikan vid en kontroll i hamnen på måndagen.",
                        List.of("drugs-and-health", "border-and-maritime-security")),
                Arguments.of("Polish police: human trafficking",
                        "Handel ludźmi. Policjanci uwolnili trzy kobiety",
                        "Kobiety były zmuszane do pracy bez wynagrodzenia; dwóm podejrzanym postawiono zarzuty.",
                        List.of("trafficking-in-persons")),
                Arguments.of("Romanian prosecutors: money laundering",
                        "Spălare de bani prin firme-fantomă: sechestru de 3 milioane de euro",
                        "Procurorii au dispus percheziții la sediile a patru societăți comerciale.",
                        List.of("corruption")),
                Arguments.of("Czech police: migrant smugglers",
                        "Policie zadržela dva převaděče na dálnici",
                        "Ve dodávce cestovalo devět lidí bez dokladů.",
                        List.of("migrant-smuggling")),
                Arguments.of("French remand prison overcrowding",
                        "Maison d'arrêt : 160 % de taux d'occupation",
                        "Les surveillants dénoncent des cellules de trois détenus pour neuf mètres carrés.",
                        List.of("criminal-justice")),
                Arguments.of("Naloxone in prisons",
                        "Naloxone kits for every prison wing",
                        "Staff will be trained to use the kits when someone overdoses.",
                        List.of("drugs-and-health")),
                Arguments.of("Italian prisoners' ombudsman on overcrowding",
                        "Sovraffollamento: 1.250 detenuti per 980 posti",
                        "Il Garante chiede nuove misure alternative e più personale negli istituti della regione.",
                        List.of("criminal-justice")),
                Arguments.of("Dutch parliament on prison overcrowding",
                        "Overbevolking in de gevangenissen: commissie vraagt noodplan",
                        "De commissie hoorde de directeurs van drie inrichtingen.",
                        List.of("criminal-justice")),
                Arguments.of("French restorative justice agreement",
                        "Justice restaurative : le parquet signe une convention",
                        "Victimes et auteurs pourront se rencontrer avec l'aide de médiateurs formés.",
                        List.of("criminal-justice")),
                Arguments.of("Spanish illegal fishing of glass eels",
                        "Investigados nueve vecinos por pesca furtiva en el río",
                        "Los agentes intervinieron redes y 30 kilos de capturas.",
                        List.of("environmental-crime")),
                Arguments.of("Harm reduction drug checking",
                        "Drug checking service opens at two festivals",
                        "Volunteers test samples and tell people what is in them.",
                        List.of("drugs-and-health")),
                Arguments.of("Italian coast guard on marine pollution",
                        "Inquinamento marino: denunciato il comandante di una nave",
                        "La chiazza è stata avvistata da un aereo di pattugliamento a dieci miglia dalla costa.",
                        List.of("environmental-crime")),
                Arguments.of("Portuguese regional government on a prison",
                        "Estabelecimento prisional: governo defende construção de nova cadeia",
                        "O edifício atual tem mais de cem anos e não cumpre as regras de segurança.",
                        List.of("criminal-justice")),
                Arguments.of("South African police bust a drug lab",
                        "Police bust clandestine drug lab in the Vaal",
                        "Three suspects were arrested and equipment worth millions seized.",
                        List.of("drugs-and-health")),
                Arguments.of("Unrelated German text",
                        "Stadtfest mit Musik und Feuerwerk",
                        "Am Wochenende feiert die Gemeinde ihr Stadtfest mit Bands, Marktständen und einem Feuerwerk.",
                        List.of()),
                Arguments.of("Unrelated French text",
                        "Menu de la cantine scolaire",
                        "Cette semaine, les élèves mangeront des légumes du marché et une tarte aux pommes.",
                        List.of()),
                Arguments.of("Unrelated Spanish text",
                        "El equipo local gana la final del torneo",
                        "Los aficionados celebraron en la plaza mayor hasta la madrugada.",
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void givesTheThemesOfTheSubject(String what, String title, String body, List<String> themes) {
        List<ThemeAssignment> given = CLASSIFIER.classify(title, body);
        assertThat(given).extracting(ThemeAssignment::slug).as(what + ": " + given).containsExactlyInAnyOrderElementsOf(themes);
        // every theme says which words gave it
        given.forEach(a -> assertThat(a.reason().matches()).isNotEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("items")
    void accentsAndCaseDoNotChangeTheThemes(String what, String title, String body, List<String> themes) {
        String folded = java.text.Normalizer.normalize(title + "\n" + body, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toUpperCase(java.util.Locale.ROOT);
        String[] parts = folded.split("\n", 2);
        assertThat(CLASSIFIER.classify(parts[0], parts[1])).extracting(ThemeAssignment::slug).as(what)
                .containsExactlyInAnyOrderElementsOf(themes);
        assertThat(Arrays.asList(parts)).hasSize(2);
    }
}
