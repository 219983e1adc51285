"""Demo guide »Når du får nyt job«.

Plain data, no Django. Facts come from ``shared/brief/DOMAIN.md``; the Danish text is our
own. Jobpræmie is deliberately absent: no current scheme exists.
"""

from guides.demo.dates import OVERVIEW_REVIEW_DAYS, SECTION_REVIEW_DAYS, review_in

JOBNET = "https://www.jobnet.dk/"
SKAT = "https://www.skat.dk/"
PENSIONSINFO = "https://www.pensionsinfo.dk/"
BOLIGSTOETTE_AENDRINGER = (
    "https://www.borger.dk/bolig-og-flytning/boligstoette-oversigt/naar-du-faar-boligstoette"
)

EVERYONE = {}
MEMBER = {"akasse": ["ja"]}
NON_MEMBER = {"akasse": ["nej"]}


def _item(text, details="", timing=("ongoing", 0), obligation="skal", link=None):
    return {
        "text": text,
        "details": details,
        "timing": timing,
        "obligation": obligation,
        "link": link,
    }


GUIDE = {
    "slug": "naar-du-faar-nyt-job",
    "title": "Når du får nyt job",
    "intro": (
        "Tillykke med dit nye job! Her kan du se, hvad du skal huske før og efter din første "
        "arbejdsdag. Det er ikke mange ting, men flere af dem har betydning for din skat "
        "og din pension."
    ),
    "anchor_label": "din første arbejdsdag",
    "questions": [
        {
            "key": "akasse",
            "label": "Er du medlem af en a-kasse?",
            "short_label": "A-kasse",
            "help_text": (
                "Svaret afgør, om guiden viser dig det, du skal huske om dagpenge, "
                "eller det, du skal huske om kontanthjælp."
            ),
            "answers": [("ja", "Ja"), ("nej", "Nej")],
            "asked_when": {},
        },
    ],
    "sections": [
        # ---------------------------------------------------------------- everyone
        {
            "key": "saadan-bruger-du-guiden",
            "heading": "Sådan bruger du guiden",
            "authority": "digst",
            "audience": EVERYONE,
            "review_by": review_in(OVERVIEW_REVIEW_DAYS),
            "source": (
                "Digitaliseringsstyrelsen: digst.dk »Miste job og få nyt job« (u.d.); "
                "afrapportering af guidearbejdet (juni 2021)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Når du får nyt job, er der ikke så mange ting, du skal huske. "
                    "Men nogle af dem er vigtige for dine penge. Tjeklisten viser, hvad du skal "
                    "gøre før og efter din første arbejdsdag.</p>"
                    "<p>Punkter, du <b>skal</b> gøre, står først. Derefter kommer punkter, "
                    "der er <b>en god idé</b>.</p>",
                ),
                (
                    "actors",
                    {
                        "heading": "Hvem skal vide, at du har fået job?",
                        "actors": [
                            {
                                "name": "Jobnet og kommunen (jobcenter)",
                                "role": (
                                    "Du melder dig ud som ledig på Jobnet. Så ved kommunen "
                                    "(jobcenter), at du er kommet i arbejde."
                                ),
                                "url": JOBNET,
                            },
                            {
                                "name": "A-kassen",
                                "role": (
                                    "Er du medlem, skal a-kassen kende dine arbejdstimer. Dem "
                                    "skriver du på dagpengekortet. Det kan betale sig at blive i "
                                    "a-kassen, også når du har fået job."
                                ),
                                "url": "",
                            },
                            {
                                "name": "Kommunen",
                                "role": (
                                    "Får du kontanthjælp, skal kommunen vide, at du begynder at "
                                    "arbejde. Så stopper kommunen udbetalingen."
                                ),
                                "url": "",
                            },
                            {
                                "name": "Skattestyrelsen",
                                "role": (
                                    "Du retter din forskudsopgørelse i TastSelv. Din nye "
                                    "arbejdsgiver henter selv din trækprocent."
                                ),
                                "url": SKAT,
                            },
                            {
                                "name": "Din arbejdsgiver og dit pensionsselskab",
                                "role": (
                                    "Din arbejdsgiver kan fortælle dig om pensionsordningen på "
                                    "arbejdspladsen. Dit pensionsselskab kan hjælpe dig, hvis du "
                                    "vil samle din pension ét sted."
                                ),
                                "url": "",
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "key": "meld-dig-ud-som-ledig",
            "heading": "Meld dig ud som ledig på Jobnet",
            "authority": "kl",
            "audience": EVERYONE,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om en aktiv beskæftigelsesindsats; minakasse.dk og frederikshavn.dk om "
                "afmelding (u.d.). En præcis regel om afmelding før første arbejdsdag er ikke "
                "fundet; teksten siger derfor kun, at afmeldingen skal gælde fra første "
                "arbejdsdag."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Når du begynder i et fuldtidsjob, skal du melde dig ud som ledig. "
                    "Det gør du på Jobnet. Afmeldingen skal gælde fra din første "
                    "arbejdsdag.</p>"
                    "<p>Er dit nye job på deltid, skal du måske ikke melde dig helt ud. "
                    "Spørg din a-kasse eller kommunen (jobcenter).</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Meld dig ud som ledig på Jobnet",
                            "Afmeldingen skal gælde fra din første arbejdsdag. "
                            "Gør det senest den dag, du begynder.",
                            ("on_day", 0),
                            "skal",
                            ("Gå til Jobnet", JOBNET),
                        ),
                    ],
                ),
                (
                    "self_service",
                    {
                        "label": "Meld dig ud som ledig",
                        "url": JOBNET,
                        "solution": "Jobnet",
                        "authority": "star",
                        "description": "Log ind med MitID.",
                    },
                ),
            ],
        },
        {
            "key": "skat-nyt-job",
            "heading": "Ret din forskudsopgørelse",
            "authority": "skat",
            "audience": EVERYONE,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Kildeskatteloven; skat.dk om nyt job og forskudsopgørelse (2024); "
                "skat.dk data.aspx?oid=1719978 om eIndkomst og skattekort (u.d.)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Når du får nyt job, ændrer din indkomst sig. Ret derfor din "
                    "forskudsopgørelse i TastSelv på skat.dk. Så bliver der trukket den rigtige "
                    "skat af din løn.</p>"
                    "<ol><li>Log ind i TastSelv.</li>"
                    "<li>Vælg »Nyt job« blandt de felter, der oftest bliver tilføjet.</li>"
                    "<li>Skriv den løn, du regner med at få i alt i år, i felt 201.</li>"
                    "<li>Ret dagpenge i felt 304 eller kontanthjælp i felt 216, så beløbet "
                    "passer med det, du får i år.</li></ol>"
                    "<p>Du skal ikke give din arbejdsgiver et skattekort. Arbejdsgiveren henter "
                    "selv din trækprocent og dine fradrag hos Skattestyrelsen via "
                    "eIndkomst.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Ret din forskudsopgørelse i TastSelv",
                            "Vælg »Nyt job«, og skriv den løn, du forventer at få i alt i år, i felt 201.",
                            ("before", 1),
                            "god-ide",
                            ("Gå til skat.dk", SKAT),
                        ),
                        _item(
                            "Tjek skatten på din første lønseddel",
                            "Ser skattetrækket forkert ud, så ret din forskudsopgørelse igen.",
                            ("within_months", 1),
                            "god-ide",
                        ),
                    ],
                ),
                (
                    "self_service",
                    {
                        "label": "Ret din forskudsopgørelse",
                        "url": SKAT,
                        "solution": "TastSelv",
                        "authority": "skat",
                        "description": "Log ind på skat.dk med MitID.",
                    },
                ),
            ],
        },
        {
            "key": "befordringsfradrag",
            "heading": "Fradrag for transport til arbejde",
            "authority": "skat",
            "audience": EVERYONE,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Ligningsloven § 9 C; skat.dk data.aspx?oid=3457 (u.d.). Sats for 2025 "
                "(2,23 kr./km for 25-120 km) fra tankpenge.dk og samlino.dk (2025, "
                "tredjepartskilder): bekræft på skat.dk, og opdatér satsen hvert år."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Har du langt til dit nye arbejde, kan du måske få befordringsfradrag. "
                    "Det kaldes også kørselsfradrag. Du kan få det, når turen fra dit hjem til "
                    "arbejdet og hjem igen er på mere end 24 km.</p>"
                    "<p>Du får fradrag for de kilometer, der er over 24 km om dagen. I 2025 er "
                    "satsen 2,23 kr. pr. km for den del af turen, der ligger mellem 25 og "
                    "120 km. Over 120 km er satsen lavere. Bor du i en yderkommune, kan den være "
                    "højere. Satserne ændrer sig hvert år.</p>"
                    "<p>Du skriver fradraget i felt 417 på din forskudsopgørelse. Så får du det "
                    "med i din trækprocent med det samme.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Skriv dit befordringsfradrag i felt 417",
                            "Gælder, hvis der er mere end 24 km fra dit hjem til arbejdet og "
                            "tilbage igen. Skriv, hvor mange dage du regner med at tage turen.",
                            ("within_months", 1),
                            "god-ide",
                            ("Gå til skat.dk", SKAT),
                        ),
                    ],
                ),
            ],
        },
        {
            "key": "pension-nyt-job",
            "heading": "Pension i dit nye job",
            "authority": "atp-udk",
            "audience": EVERYONE,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Forsikring & Pensions jobskifteaftale; aeldresagen.dk (15.1.2024); "
                "pjdpension.dk (u.d.); lov om Arbejdsmarkedets Tillægspension."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Har din nye arbejdsplads en pensionsordning, bliver du som regel meldt "
                    "ind i den. Spørg, hvis du er i tvivl. Så ved du, hvad du sparer op, og "
                    "hvilke forsikringer du har.</p>"
                    "<h3>Flyt din gamle pension</h3>"
                    "<p>Har du en pension fra et tidligere job, kan du måske flytte den til din "
                    "nye ordning. Det sker efter den såkaldte jobskifteaftale. Flytter du "
                    "inden for 36 måneder, skal du som regel ikke give nye "
                    "helbredsoplysninger.</p>"
                    "<p>Det kan være en fordel at samle din pension ét sted. "
                    "Men sammenlign først priser og forsikringer.</p>"
                    "<h3>ATP</h3>"
                    "<p>Du sparer også op til ATP Livslang Pension, mens du arbejder. "
                    "Din arbejdsgiver betaler bidraget sammen med din løn.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Spørg din nye arbejdsgiver om pensionsordningen",
                            "Spørg, hvilket pensionsselskab I bruger, og hvornår du bliver meldt ind.",
                            ("before", 1),
                            "god-ide",
                        ),
                        _item(
                            "Tjek, at du er kommet med i pensionsordningen",
                            "Du kan se alle dine ordninger på PensionsInfo.",
                            ("within_months", 1),
                            "god-ide",
                            ("Gå til PensionsInfo", PENSIONSINFO),
                        ),
                        _item(
                            "Overvej at flytte din gamle pension til den nye ordning",
                            "Gør du det inden for 36 måneder, kan du som regel flytte den uden nye "
                            "helbredsoplysninger. Spørg dit pensionsselskab.",
                            ("within_months", 36),
                            "god-ide",
                        ),
                    ],
                ),
                (
                    "self_service",
                    {
                        "label": "Se din samlede pension",
                        "url": PENSIONSINFO,
                        "solution": "PensionsInfo",
                        "authority": None,
                        "description": "Her kan du se både ATP og pension fra dine job.",
                    },
                ),
            ],
        },
        {
            "key": "boligstoette-nyt-job",
            "heading": "Får du boligstøtte?",
            "authority": "atp-udk",
            "audience": EVERYONE,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om individuel boligstøtte; borger.dk »Når du får boligstøtte« og »Forstå "
                "dit brev fra boligstøtte« (u.d.); borger.dk »Boligstøtte – giv besked om "
                "ændringer« (u.d.)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Får du boligstøtte, bliver den som regel mindre, når din indkomst "
                    "stiger. Udbetaling Danmark får hver måned oplysninger om din indkomst fra "
                    "Skattestyrelsen og regulerer støtten.</p>"
                    "<p>Du har ikke pligt til at give besked om din nye løn. Men det er en god "
                    "idé. Så passer din boligstøtte bedre fra starten, og du undgår store "
                    "reguleringer bagefter.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Giv Udbetaling Danmark besked om din nye løn",
                            "Gælder, hvis du får boligstøtte. Så passer støtten bedre til din indkomst.",
                            ("within_months", 1),
                            "god-ide",
                            ("Læs om boligstøtte på borger.dk", BOLIGSTOETTE_AENDRINGER),
                        ),
                    ],
                ),
            ],
        },
        # ---------------------------------------------------------------- members
        {
            "key": "fortael-akassen-om-jobbet",
            "heading": "Fortæl a-kassen om dit nye job",
            "authority": "star",
            "audience": MEMBER,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om arbejdsløshedsforsikring m.v.; minakasse.dk (u.d.); ase.dk (6.11.2019) "
                "om fritagelse for jobsøgning, når jobbet starter inden for 6 uger; dsa.dk og "
                "aka.dk om dagpengekort og frister (u.d.)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>A-kassen skal vide, hvor meget du arbejder. Det skriver du på "
                    "dagpengekortet for den måned, hvor du begynder. Skriv alle de timer, "
                    "du har arbejdet. Så får du det rigtige beløb for de dage, hvor du "
                    "var ledig.</p>"
                    "<h3>Starter jobbet om højst 6 uger?</h3>"
                    "<p>Så kan du bede om at blive fritaget for at søge job, indtil du "
                    "begynder. Spørg din a-kasse.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Bed om fritagelse for jobsøgning, hvis jobbet starter inden for 6 uger",
                            "Så skal du ikke søge andre job i ventetiden. Spørg din a-kasse.",
                            ("before", 1),
                            "god-ide",
                        ),
                        _item(
                            "Skriv dine arbejdstimer på dagpengekortet",
                            "Gør det for den måned, hvor du begynder at arbejde. Fristen er 1 måned "
                            "og 10 dage efter den måned, kortet gælder for.",
                            ("within_months", 1),
                            "skal",
                        ),
                    ],
                ),
            ],
        },
        {
            "key": "supplerende-dagpenge",
            "heading": "Job på deltid: supplerende dagpenge",
            "authority": "star",
            "audience": MEMBER,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om arbejdsløshedsforsikring m.v.; ajks.dk »Frigørelsesattest og "
                "opsigelsesvarsel« (u.d.); virksom.dk og f-f.dk om supplerende dagpenge (u.d.)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Er dit nye job på deltid, kan du måske få supplerende dagpenge for de "
                    "timer, du ikke arbejder. Det kræver bl.a., at:</p>"
                    "<ul><li>du stadig søger fuldtidsarbejde og står til rådighed for det</li>"
                    "<li>du er ledig i mindst 14,8 timer om måneden</li>"
                    "<li>du ikke har fået supplerende dagpenge i mere end 30 uger inden for "
                    "104 uger</li></ul>"
                    "<h3>Frigørelsesattest</h3>"
                    "<p>Har du et opsigelsesvarsel i dit deltidsjob, skal din arbejdsgiver "
                    "skrive under på en frigørelsesattest. Den viser, at du kan stoppe med kort "
                    "varsel, hvis du får et fuldtidsjob. A-kassen skal have attesten senest "
                    "5 uger efter, at du er begyndt. Kommer den senere, kan du miste "
                    "dagpenge for en periode.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Spørg a-kassen, om du kan få supplerende dagpenge",
                            "Gælder, hvis dit nye job er på deltid.",
                            ("before", 1),
                            "god-ide",
                        ),
                        _item(
                            "Send frigørelsesattesten til a-kassen",
                            "Gælder, hvis dit job er på deltid, og du har et opsigelsesvarsel. "
                            "Din arbejdsgiver skal skrive under.",
                            ("within_days", 35),
                            "skal",
                        ),
                    ],
                ),
            ],
        },
        {
            "key": "bliv-i-akassen",
            "heading": "Bliv i din a-kasse",
            "authority": "star",
            "audience": MEMBER,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om arbejdsløshedsforsikring m.v.; 3f.dk »Dagpengeret« (2024) om genoptjening "
                "(1.924 timer); a-kasser.dk og detfagligehus.dk om beskæftigelsestillæg (2025); "
                "borger.dk »Før du går på efterløn« (2024)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Du får ikke brug for dagpenge, mens du arbejder. "
                    "Men det kan betale sig at blive i a-kassen:</p>"
                    "<ul><li><b>Ny ret til dagpenge.</b> Dine arbejdstimer tæller med. "
                    "Har du arbejdet 1.924 timer, kan du få en ny periode "
                    "med dagpenge.</li>"
                    "<li><b>Beskæftigelsestillæg.</b> Bliver du ledig igen, kan du få et tillæg "
                    "de første 3 måneder. Det kræver bl.a., at du har været medlem i 4 år "
                    "uden pause.</li>"
                    "<li><b>Efterløn.</b> Efterløn kræver bl.a., at du har betalt efterlønsbidrag i "
                    "30 år. Melder du dig ud af a-kassen, mister du retten.</li></ul>"
                    "<p>Du kan trække dit kontingent til a-kassen fra i skat.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Behold dit medlemskab af a-kassen",
                            "Så beholder du din ret til dagpenge, og dine år som medlem tæller med "
                            "til beskæftigelsestillæg og efterløn.",
                            ("ongoing", 0),
                            "god-ide",
                        ),
                    ],
                ),
            ],
        },
        # ---------------------------------------------------------------- non-members
        {
            "key": "stop-kontanthjaelpen",
            "heading": "Får du kontanthjælp? Fortæl kommunen om jobbet",
            "authority": "kl",
            "audience": NON_MEMBER,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om aktiv socialpolitik og retssikkerhedsloven (oplysningspligt); lolland.dk "
                "om fritidstillæg (2025); lundsteenwiederquist.dk (21.2.2025)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Får du kontanthjælp, skal du fortælle kommunen, at du har fået arbejde. "
                    "Du har pligt til at oplyse om ændringer, der har betydning for din "
                    "hjælp. Kommunen stopper så din kontanthjælp.</p>"
                    "<p>Giver du ikke besked, kan du komme til at betale penge tilbage.</p>"
                    "<p>Får du fritidstillæg til dine børns fritidsaktiviteter, fortsætter det "
                    "i 3 måneder, efter du er begyndt i job.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Fortæl kommunen, at du begynder i job",
                            "Gælder, hvis du får kontanthjælp. Kommunen stopper så udbetalingen.",
                            ("before", 1),
                            "skal",
                        ),
                        _item(
                            "Send kvitteringer, hvis du får fritidstillæg",
                            "Tillægget fortsætter i 3 måneder, efter du er begyndt i job. "
                            "Kommunen skal se kvitteringer for dine børns fritidsaktiviteter.",
                            ("within_months", 3),
                            "god-ide",
                        ),
                    ],
                ),
            ],
        },
        {
            "key": "overvej-en-akasse",
            "heading": "Overvej at melde dig ind i en a-kasse",
            "authority": "star",
            "audience": NON_MEMBER,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om arbejdsløshedsforsikring m.v.; 3f.dk »Dagpengeret« (2024); krifa.dk "
                "(u.d.). Indkomstkravets beløb er udeladt (2025/26 ikke fundet)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Nu hvor du har fået job, er det et godt tidspunkt at melde dig ind i en "
                    "a-kasse. A-kassen er en forsikring, hvis du bliver ledig igen.</p>"
                    "<p>Du kan tidligst få dagpenge, når du har været medlem i 1 år. Du skal "
                    "også opfylde et krav om indkomst. En a-kasse kan fortælle dig, "
                    "hvad der gælder.</p>"
                    "<p>Dagpenge afhænger ikke af din formue eller af din ægtefælles indkomst. "
                    "Du kan trække dit kontingent til a-kassen fra i skat.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Overvej at melde dig ind i en a-kasse",
                            "Jo før du melder dig ind, jo før kan du få ret til dagpenge.",
                            ("within_months", 1),
                            "god-ide",
                        ),
                    ],
                ),
            ],
        },
    ],
}
