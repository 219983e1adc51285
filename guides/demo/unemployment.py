"""Demo guide »Hvis du bliver ledig«.

Plain data, no Django. Facts come from ``shared/brief/DOMAIN.md``; the Danish text is our
own. Each section names its owning authority, its audience, a review date and its sources.
Keep the wording true over time: »kommunen (jobcenter)«, no uncertain figures.
"""

from guides.demo.dates import OVERVIEW_REVIEW_DAYS, SECTION_REVIEW_DAYS, review_in

JOBNET = "https://www.jobnet.dk/"
BORGER = "https://www.borger.dk/"
SKAT = "https://www.skat.dk/"
ATP = "https://www.atp.dk/"
PENSIONSINFO = "https://www.pensionsinfo.dk/"
FERIEPENGE = "https://www.borger.dk/arbejde-dagpenge-ferie/oversigt-ferie/faa-feriepenge-udbetalt"
BOLIGSTOETTE = "https://www.borger.dk/bolig-og-flytning/boligstoette-oversigt/soeg-boligstoette"

EVERYONE = {}
MEMBER = {"akasse": ["ja"]}
NON_MEMBER = {"akasse": ["nej"]}
NON_MEMBER_UNDER_30 = {"akasse": ["nej"], "alder": ["under-30"]}
NON_MEMBER_30_PLUS = {"akasse": ["nej"], "alder": ["30-eller-derover"]}


def _item(text, details="", timing=("ongoing", 0), obligation="skal", link=None):
    return {
        "text": text,
        "details": details,
        "timing": timing,
        "obligation": obligation,
        "link": link,
    }


GUIDE = {
    "slug": "hvis-du-bliver-ledig",
    "title": "Hvis du bliver ledig",
    "intro": (
        "Få overblik over det, du skal gøre, når du mister dit arbejde. "
        "Svar på et eller to korte spørgsmål. Så får du en tjekliste, der passer til dig, "
        "og links til de steder, hvor du klarer opgaverne."
    ),
    "anchor_label": "din første dag som ledig",
    "questions": [
        {
            "key": "akasse",
            "label": "Er du medlem af en a-kasse?",
            "short_label": "A-kasse",
            "help_text": (
                "En a-kasse er en forsikring mod ledighed. Er du medlem, søger du dagpenge "
                "hos a-kassen. Er du ikke medlem, kan du søge kontanthjælp hos kommunen."
            ),
            "answers": [("ja", "Ja"), ("nej", "Nej")],
            "asked_when": {},
        },
        {
            "key": "alder",
            "label": "Hvor gammel er du?",
            "short_label": "Alder",
            "help_text": "Din alder har betydning for, hvor meget du kan få i kontanthjælp.",
            "answers": [("under-30", "Under 30 år"), ("30-eller-derover", "30 år eller derover")],
            "asked_when": {"akasse": ["nej"]},
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
                "Digitaliseringsstyrelsen: borger.dk »Guide: Hvis du bliver ledig« (u.d.); "
                "digst.dk »Miste job og få nyt job« (u.d.); afrapportering af guidearbejdet "
                "(juni 2021). Reformer: lov nr. 1750 af 29.12.2025 og star.dk om "
                "beskæftigelsesreformen (u.d., ca. 2026)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Guiden giver dig overblik over de første måneder som ledig. "
                    "Den viser, hvad du skal gøre, og hvornår du skal gøre det.</p>"
                    "<p>Tjeklisten er delt op efter tid. Nogle punkter <b>skal</b> du gøre. "
                    "Gør du dem ikke, kan du miste penge. Andre punkter er <b>en god idé</b>. "
                    "De gør det lettere for dig at komme videre.</p>"
                    "<p>Guiden viser dig også vej til de steder, hvor du klarer opgaverne. "
                    "Det er fx Jobnet, din a-kasse, kommunen og skat.dk.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "heading": "Reglerne ændrer sig",
                        "text": "<p>Reglerne for ledige bliver ændret flere gange i 2026 og 2027. "
                        "Er du i tvivl om, hvad der gælder for dig, så spørg kommunen "
                        "(jobcenter) eller din a-kasse, hvis du har en.</p>",
                    },
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Sørg for at få besked, når du får ny Digital Post",
                            "Indkaldelser til samtaler og svar på ansøgninger kommer som Digital Post. "
                            "Slå besked på sms eller mail til, så du ikke overser noget.",
                            ("on_day", 0),
                            "god-ide",
                            ("Gå til borger.dk", BORGER),
                        ),
                        _item(
                            "Lav et budget for tiden som ledig",
                            "Skriv ned, hvad du får ind, og hvad du betaler hver måned. "
                            "Så kan du se, om du skal spare på noget, mens du er ledig.",
                            ("within_days", 14),
                            "god-ide",
                        ),
                        _item(
                            "Hold øje med din Digitale Post og dine beskeder på Jobnet",
                            "Her får du indkaldelser til samtaler og svar på dine ansøgninger. "
                            "Du skal møde op, når du bliver indkaldt.",
                            ("ongoing", 0),
                            "skal",
                        ),
                    ],
                ),
            ],
        },
        {
            "key": "hvem-goer-hvad",
            "heading": "Hvem gør hvad? A-kassen, kommunen (jobcenter) og Jobnet",
            "authority": "digst",
            "audience": EVERYONE,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "L 129 (2022-23) om a-kassernes kontaktforløb; bm.dk pressemeddelelse "
                "(3.12.2025); star.dk om beskæftigelsesreformen og lovguiden.dk (6.11.2025) om "
                "»kommunen« i stedet for »jobcenter«; star.dk om Jobnet (u.d.); "
                "afrapportering af guidearbejdet (juni 2021)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Som ledig møder du flere aktører. De har hver deres opgave, "
                    "men de arbejder sammen og deler oplysninger om dig. "
                    "Du behøver derfor ikke fortælle det samme mange gange.</p>"
                    "<p>Det er kommunen, der har ansvaret for at hjælpe ledige i job. "
                    "Mange kommuner kalder stedet for jobcenteret, men navnet kan være et andet "
                    "hos dig. Derfor skriver vi »kommunen (jobcenter)« i guiden.</p>",
                ),
                (
                    "actors",
                    {
                        "heading": "Her får du hjælp",
                        "actors": [
                            {
                                "name": "Kommunen (jobcenter)",
                                "role": (
                                    "Du melder dig ledig hos kommunen via Jobnet. Kommunen holder "
                                    "samtaler med dig om job og kan give dig et tilbud, fx en praktik, "
                                    "et job med løntilskud eller et kursus. Er du ikke medlem af en "
                                    "a-kasse, er kommunen din kontakt fra første dag. Kommunen "
                                    "behandler også din ansøgning om kontanthjælp."
                                ),
                                "url": "",
                            },
                            {
                                "name": "A-kassen",
                                "role": (
                                    "A-kassen er en forsikring mod ledighed, som du selv melder dig "
                                    "ind i. Er du medlem, søger du dagpenge hos a-kassen. A-kassen "
                                    "godkender dit CV og udbetaler dine dagpenge. Den holder også "
                                    "dine samtaler om job de første 3 måneder. Derefter tager "
                                    "kommunen (jobcenter) over. Og a-kassen vurderer, om du står "
                                    "til rådighed for et job."
                                ),
                                "url": "",
                            },
                            {
                                "name": "Jobnet",
                                "role": (
                                    "Jobnet er det fælles sted for ledige. Her melder du dig ledig, "
                                    "laver dit CV, skriver din joblog og ser Min plan. Styrelsen for "
                                    "Arbejdsmarked og Rekruttering (STAR) driver Jobnet. Både "
                                    "a-kassen og kommunen (jobcenter) bruger det, du skriver her."
                                ),
                                "url": JOBNET,
                            },
                            {
                                "name": "Skattestyrelsen",
                                "role": (
                                    "Skattestyrelsen står for din forskudsopgørelse og din "
                                    "trækprocent. Du retter forskudsopgørelsen i TastSelv på skat.dk."
                                ),
                                "url": SKAT,
                            },
                            {
                                "name": "Udbetaling Danmark og ATP",
                                "role": (
                                    "Udbetaling Danmark behandler boligstøtte. ATP står for ATP "
                                    "Livslang Pension, som du stadig sparer op til, mens du er ledig."
                                ),
                                "url": ATP,
                            },
                            {
                                "name": "borger.dk",
                                "role": (
                                    "borger.dk er det offentliges fælles indgang. Her finder du "
                                    "denne guide, Digital Post og ansøgningen om kontanthjælp. "
                                    "Digitaliseringsstyrelsen står for borger.dk."
                                ),
                                "url": BORGER,
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "key": "meld-dig-ledig",
            "heading": "Meld dig ledig på din første dag",
            "authority": "kl",
            "audience": EVERYONE,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om en aktiv beskæftigelsesindsats og lov om arbejdsløshedsforsikring m.v.; "
                "info.jobnet.dk »Hvis du skal søge dagpenge« (u.d.); aka.dk og laka.dk, trin for "
                "trin (u.d.); greve.dk og aarhus.dk om kontanthjælp (u.d.)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Du skal melde dig ledig hos kommunen på din første dag uden arbejde. "
                    "Det gør du på Jobnet. Kan du ikke bruge Jobnet, så kontakt kommunen "
                    "(jobcenter).</p>"
                    "<p>Meld dig ledig, også selvom dagen er en helligdag. Du kan tidligst få "
                    "dagpenge eller kontanthjælp fra den dag, du er meldt ledig. "
                    "Du kan ikke melde dig ledig bagud i tid.</p>"
                    "<p>Når du melder dig ledig, skriver du mindst ét jobønske. "
                    "Det viser, hvilket arbejde du søger. Du kan altid ændre det senere.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Meld dig ledig på Jobnet",
                            "Gør det på din første dag uden arbejde. Du kan ikke få penge for "
                            "de dage, hvor du ikke var meldt ledig.",
                            ("on_day", 0),
                            "skal",
                            ("Gå til Jobnet", JOBNET),
                        ),
                        _item(
                            "Skriv mindst ét jobønske",
                            "Jobønsket viser, hvilket arbejde du søger. Du kan ændre det, når du vil.",
                            ("on_day", 0),
                            "skal",
                        ),
                    ],
                ),
                (
                    "self_service",
                    {
                        "label": "Meld dig ledig på Jobnet",
                        "url": JOBNET,
                        "solution": "Jobnet",
                        "authority": "star",
                        "description": "Log ind med MitID.",
                    },
                ),
            ],
        },
        {
            "key": "jobnet-joblog-og-min-plan",
            "heading": "Jobnet: joblog, Min plan og sygdom",
            "authority": "star",
            "audience": EVERYONE,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om en aktiv beskæftigelsesindsats; star.dk om Jobnet (u.d.); fa-k.dk og "
                "krifa.dk om Min plan (u.d.); tjekfagforening.dk om joblog (u.d.); "
                "minakasse.dk om sygemelding (2023); lovguiden.dk (6.11.2025) om egne "
                "CV- og joblogsystemer."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Jobnet er dit vigtigste værktøj, mens du er ledig. Her kan du:</p>"
                    "<ul><li>søge job og skrive dine ansøgninger i din joblog</li>"
                    "<li>se Min plan med dine aftaler</li>"
                    "<li>lave dit CV</li>"
                    "<li>melde dig syg og rask</li>"
                    "<li>se beskeder og tider til samtaler</li></ul>"
                    "<h3>Min plan</h3>"
                    "<p>I Min plan står det, du har aftalt med a-kassen eller kommunen "
                    "(jobcenter). Det kan fx være, hvor mange job du skal søge. "
                    "Du skal gøre det, der står i planen.</p>"
                    "<h3>Joblog</h3>"
                    "<p>Du skal søge job fra din første dag som ledig. Skriv dine ansøgninger i "
                    "din joblog hen ad vejen. Så kan a-kassen eller kommunen (jobcenter) se, "
                    "hvad du har gjort.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Begynd at søge job",
                            "Du skal søge job fra din første dag som ledig. "
                            "Skriv hver ansøgning i din joblog.",
                            ("on_day", 0),
                            "skal",
                        ),
                        _item(
                            "Læs Min plan på Jobnet",
                            "Tjek dine aftaler og tider til samtaler. "
                            "Se også, hvad der står om din jobsøgning.",
                            ("within_days", 14),
                            "skal",
                            ("Gå til Jobnet", JOBNET),
                        ),
                        _item(
                            "Skriv din jobsøgning i joblog",
                            "Gør det løbende, fx en gang om ugen. Brug joblog på Jobnet, "
                            "medmindre du har fået besked om at bruge et andet system.",
                            ("ongoing", 0),
                            "skal",
                        ),
                        _item(
                            "Meld dig syg på Jobnet, hvis du bliver syg",
                            "Gør det på din første sygedag. Husk at melde dig rask igen.",
                            ("ongoing", 0),
                            "skal",
                        ),
                    ],
                ),
                (
                    "self_service",
                    {
                        "label": "Log ind på Jobnet",
                        "url": JOBNET,
                        "solution": "Jobnet",
                        "authority": "star",
                        "description": "Joblog, CV, Min plan og beskeder samlet ét sted.",
                    },
                ),
            ],
        },
        {
            "key": "tilbud-krav-og-mulighed",
            "heading": "Tilbud: et krav og en mulighed",
            "authority": "kl",
            "audience": EVERYONE,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om en aktiv beskæftigelsesindsats; lov nr. 1750 af 29.12.2025 "
                "(beskæftigelsesreformen, fase 1, i kraft 1.2. og 1.7.2026); 3f.dk »Bliv klogere "
                "på aktivering« (ca. 2022); jobsogningsguide.dk (u.d.); STAR-webinar, spørgsmål "
                "og svar (21.1.2026). Antal tilbud og frister efter 1.7.2026 er udeladt (usikre)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Mens du er ledig, kan du få et tilbud fra kommunen (jobcenter). "
                    "Et tilbud er en aktivitet, der skal hjælpe dig i job. "
                    "Det kaldes også aktivering.</p>"
                    "<p>Du skal tage imod de tilbud, du får. Ellers kan det gå ud over dine "
                    "dagpenge eller din kontanthjælp. Men et tilbud er også en chance. "
                    "Du kan lære noget nyt, få erfaring og møde en arbejdsplads, "
                    "der mangler folk.</p>"
                    "<h3>Det kan et tilbud være</h3>"
                    "<ul><li><b>Virksomhedspraktik:</b> Du prøver et job i en virksomhed i en "
                    "periode. Du beholder din ydelse imens.</li>"
                    "<li><b>Job med løntilskud:</b> Du bliver ansat og får løn. "
                    "Arbejdsgiveren får et tilskud.</li>"
                    "<li><b>Vejledning og opkvalificering:</b> Du får vejledning eller tager et "
                    "kursus, så du står stærkere, når du søger job.</li></ul>"
                    "<h3>Kom selv med idéer</h3>"
                    "<p>Har du en idé til en praktik eller et kursus, så sig det til din samtale. "
                    "Så kan tilbuddet passe bedre til dig. Har du langt til dit tilbud, kan du i "
                    "nogle tilfælde få hjælp til transport. Spørg kommunen (jobcenter).</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "heading": "Nye regler for tilbud",
                        "text": "<p>Reglerne for, hvornår og hvor meget du skal i tilbud, bliver "
                        "ændret i 2026 og 2027. Kommunen (jobcenter) fortæller dig, "
                        "hvad der gælder for dig.</p>",
                    },
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Tænk over, hvilket tilbud der kan hjælpe dig i job",
                            "Det kan fx være en praktik i en branche, du gerne vil ind i, eller et "
                            "kursus, som mangler på dit CV. Tag dine idéer med til samtalen.",
                            ("ongoing", 0),
                            "god-ide",
                        ),
                        _item(
                            "Mød op til dit tilbud",
                            "Du skal deltage, når du har fået et tilbud. Er du syg, så meld dig syg "
                            "på Jobnet, og giv besked til stedet.",
                            ("ongoing", 0),
                            "skal",
                        ),
                    ],
                ),
            ],
        },
        {
            "key": "skat-forskudsopgoerelse",
            "heading": "Ret din forskudsopgørelse",
            "authority": "skat",
            "audience": EVERYONE,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Kildeskatteloven og ligningsloven; skat.dk »Hvis din indkomst ændrer sig« "
                "(2024); skat.dk data.aspx?oid=17032 (u.d.); borger.dk »Guide: Hvis du bliver "
                "ledig« (u.d.) om beskæftigelses- og kørselsfradrag."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Når du bliver ledig, ændrer din indkomst sig. Derfor bør du rette din "
                    "forskudsopgørelse. Så passer din trækprocent, og du undgår restskat.</p>"
                    "<p>Du retter den i TastSelv på skat.dk. Disse felter er vigtige:</p>"
                    "<ul><li><b>Felt 201:</b> den løn, du har tjent i år, før du blev ledig</li>"
                    "<li><b>Felt 304:</b> de dagpenge, du regner med at få resten af året</li>"
                    "<li><b>Felt 216:</b> den kontanthjælp, du regner med at få resten af "
                    "året</li></ul>"
                    "<p>Dagpenge og kontanthjælp giver ikke beskæftigelsesfradrag eller "
                    "jobfradrag. Dem får du kun af løn. Du kan heller ikke få kørselsfradrag "
                    "(befordringsfradrag) for de dage, du ikke arbejder. "
                    "Fjern det også fra forskudsopgørelsen.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Ret din forskudsopgørelse i TastSelv",
                            "Skriv din løn i år i felt 201. Skriv de dagpenge, du venter at få, i felt "
                            "304, eller den kontanthjælp, du venter at få, i felt 216. "
                            "Fjern kørselsfradraget for den tid, du er ledig.",
                            ("within_days", 14),
                            "god-ide",
                            ("Gå til skat.dk", SKAT),
                        ),
                        _item(
                            "Ret forskudsopgørelsen igen, hvis din indkomst ændrer sig",
                            "Fx hvis du får arbejde på deltid, eller hvis din ydelse ændrer sig.",
                            ("ongoing", 0),
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
            "key": "pension-og-atp",
            "heading": "Din pension og ATP, mens du er ledig",
            "authority": "atp-udk",
            "audience": EVERYONE,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om Arbejdsmarkedets Tillægspension; borger.dk »ATP, når du får offentlige "
                "ydelser« (u.d.); star.dk/ydelser/pension-og-efterloen/atp-bidrag (u.d.); "
                "borger.dk »Obligatorisk Pension« (ca. 2024): 1,8 % i 2025 og 2,1 % i 2026; "
                "pplus.dk, velliv.dk, pensam.dk og isp.dk om forsikringer efter fratræden (u.d.)."
            ),
            "content": [
                (
                    "rich_text",
                    "<h3>ATP fortsætter</h3>"
                    "<p>Du sparer stadig op til ATP Livslang Pension, mens du får dagpenge eller "
                    "kontanthjælp. Bidraget bliver trukket automatisk. Du betaler selv en "
                    "tredjedel, og resten bliver betalt for dig. Du skal ikke gøre noget.</p>"
                    "<h3>Obligatorisk Pension</h3>"
                    "<p>Staten sætter også ekstra penge ind på din ATP Livslang Pension. "
                    "Det kaldes Obligatorisk Pension. Beløbet er en procentdel af dine dagpenge "
                    "eller din kontanthjælp. I 2025 er det 1,8 procent, og i 2026 er det "
                    "2,1 procent. Procenten stiger de kommende år.</p>"
                    "<h3>Pension fra dit job</h3>"
                    "<p>Din arbejdsgiver stopper med at betale til din pension, når du "
                    "fratræder. Dine forsikringer, fx ved sygdom og død, kan fortsætte en tid. "
                    "Hvor længe afhænger af dit pensionsselskab. Derefter bliver ordningen som "
                    "regel til en fripolice, hvis du ikke selv betaler. "
                    "Så kan du miste dine forsikringer.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Kontakt dit pensionsselskab",
                            "Spørg, hvor længe dine forsikringer gælder, og om du kan beholde dem. "
                            "Spørg også, hvad det koster.",
                            ("within_months", 1),
                            "god-ide",
                        ),
                        _item(
                            "Se din samlede pension på PensionsInfo",
                            "Her kan du se både ATP og pension fra dine tidligere job.",
                            ("within_months", 1),
                            "god-ide",
                            ("Gå til PensionsInfo", PENSIONSINFO),
                        ),
                    ],
                ),
                (
                    "self_service",
                    {
                        "label": "Se din ATP Livslang Pension",
                        "url": ATP,
                        "solution": "ATP",
                        "authority": "atp-udk",
                        "description": "",
                    },
                ),
            ],
        },
        {
            "key": "feriepenge",
            "heading": "Feriepenge, mens du er ledig",
            "authority": "atp-udk",
            "audience": EVERYONE,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Ferieloven; borger.dk »Få feriepenge udbetalt« (u.d.); borger.dk, "
                "standardside om feriepenge (u.d.). Hvem der driver Feriepengeinfo/FerieKonto, "
                "er ikke bekræftet; derfor står der ingen ejer på selvbetjeningen."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Har du feriepenge fra dit gamle job, kan du få dem udbetalt, når du "
                    "holder ferie. Men du kan ikke få feriepenge og dagpenge eller kontanthjælp "
                    "for de samme dage.</p>"
                    "<p>Vil du holde ferie med feriepenge, skal du give besked til din a-kasse "
                    "eller til kommunen. Du bestiller feriepengene på borger.dk. "
                    "Feriepengeinfo sender din bestilling videre til den, der skal udbetale "
                    "pengene. Feriepengeinfo deler også oplysningerne med a-kasser og "
                    "kommuner.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Se, hvor mange feriepenge du har til gode",
                            "Så kan du planlægge, hvornår du vil holde ferie.",
                            ("within_months", 1),
                            "god-ide",
                            ("Se dine feriepenge på borger.dk", FERIEPENGE),
                        ),
                        _item(
                            "Giv besked til a-kassen eller kommunen, når du holder ferie med feriepenge",
                            "Du kan ikke få dagpenge eller kontanthjælp for de dage, hvor du får feriepenge.",
                            ("ongoing", 0),
                            "skal",
                        ),
                    ],
                ),
                (
                    "self_service",
                    {
                        "label": "Bestil dine feriepenge",
                        "url": FERIEPENGE,
                        "solution": "Feriepengeinfo på borger.dk",
                        "authority": None,
                        "description": "",
                    },
                ),
            ],
        },
        {
            "key": "boligstoette",
            "heading": "Tjek din boligstøtte",
            "authority": "atp-udk",
            "audience": EVERYONE,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om individuel boligstøtte; borger.dk »Søg boligstøtte« og »Når du får "
                "boligstøtte« (u.d.); borger.dk »Boligstøtte – giv besked om ændringer« (u.d.)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Bor du til leje, kan du måske få boligstøtte. Er din indkomst faldet, "
                    "kan du måske få mere end før. Det er Udbetaling Danmark, der behandler "
                    "boligstøtte.</p>"
                    "<p>Får du allerede boligstøtte, bliver den reguleret hver måned. Udbetaling "
                    "Danmark får oplysninger om din indkomst fra Skattestyrelsen. Du har ikke "
                    "pligt til at melde, at din løn eller ydelse har ændret sig. Men det er en god idé at "
                    "tjekke, at tallene er rigtige.</p>"
                    "<p>Du skal selv give besked, hvis din husleje ændrer sig, hvis du flytter, "
                    "hvis nogen flytter ind eller ud, eller hvis din formue ændrer sig.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Tjek, om du kan få boligstøtte",
                            "Brug beregneren på borger.dk. Den viser, om du kan få boligstøtte, "
                            "og cirka hvor meget.",
                            ("within_months", 1),
                            "god-ide",
                            ("Beregn og søg boligstøtte", BOLIGSTOETTE),
                        ),
                        _item(
                            "Får du boligstøtte: Giv besked, hvis din bolig eller husstand ændrer sig",
                            "Fx hvis huslejen stiger, hvis du flytter, eller hvis nogen flytter "
                            "ind eller ud. Du giver besked til Udbetaling Danmark.",
                            ("ongoing", 0),
                            "skal",
                        ),
                    ],
                ),
            ],
        },
        # ---------------------------------------------------------------- members
        {
            "key": "soeg-dagpenge",
            "heading": "Søg dagpenge hos din a-kasse",
            "authority": "star",
            "audience": MEMBER,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om arbejdsløshedsforsikring m.v.; info.jobnet.dk »Hvis du skal søge "
                "dagpenge« (u.d.); def.dk »Dagpenge« (u.d.); sl.dk og kk.dk om CV inden for 2 uger "
                "(u.d.); bm.dk »Satser for 2025 – dagpenge« (gælder fra 1.1.2025); danskmetal.dk "
                "(2025) om 90 %; ca.dk om G-dage og selvforskyldt ledighed (u.d.); ajks.dk (2024)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Når du har meldt dig ledig på Jobnet, søger du dagpenge hos din a-kasse. "
                    "Det gør du ved at udfylde en ledighedserklæring i a-kassens selvbetjening. "
                    "Send også din opsigelse med. Gør det så hurtigt, du kan.</p>"
                    "<h3>Dit CV skal være klar inden for 2 uger</h3>"
                    "<p>Du skal lave dit CV på Jobnet inden for de første 2 uger, og "
                    "arbejdsgivere skal kunne se det. A-kassen indkalder dig til en samtale i "
                    "samme periode. Her taler I om dit CV, og a-kassen godkender det.</p>"
                    "<h3>Jobnet og a-kassen deler oplysninger</h3>"
                    "<p>Jobnet og din a-kasses selvbetjening udveksler oplysninger om dig. "
                    "Du kan fx skrive din jobsøgning på Jobnet eller i a-kassens selvbetjening. "
                    "Du behøver ikke gøre det begge steder. "
                    "Brug den løsning, du har det bedst med.</p>"
                    "<h3>Hvor meget kan du få?</h3>"
                    "<p>Dagpenge svarer til 90 procent af din tidligere løn efter "
                    "arbejdsmarkedsbidrag. Men der er et loft. I 2025 er det højeste beløb "
                    "21.092 kr. om måneden før skat, hvis du er fuldtidsforsikret. Beløbet bliver "
                    "reguleret hvert år. Nogle får et "
                    "tillæg de første 3 måneder. Det hedder beskæftigelsestillæg. "
                    "Din a-kasse kan regne dit beløb ud.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "heading": "G-dage: din arbejdsgiver betaler de første dage",
                        "text": "<p>Din tidligere arbejdsgiver skal som regel betale dig for dine "
                        "2 første dage som ledig. De kaldes G-dage. Det gælder, hvis du har "
                        "arbejdet mindst 74 timer de sidste 4 uger og ikke selv har sagt op. "
                        "A-kassen betaler ikke dagpenge for de dage. "
                        "Får du ikke dine G-dage, så kontakt din a-kasse.</p>",
                    },
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "heading": "Har du selv sagt op?",
                        "text": "<p>Har du selv sagt dit job op, eller er du selv skyld i, at du "
                        "blev fyret? Så får du karantæne. Det betyder, at du ikke får "
                        "dagpenge i 3 uger (111 timer). Sker det to gange inden for 12 måneder, "
                        "mister du retten til dagpenge. Du får den først igen, når du har "
                        "arbejdet 300 timer inden for 3 måneder.</p>",
                    },
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Søg dagpenge hos din a-kasse",
                            "Udfyld ledighedserklæringen i a-kassens selvbetjening, og send din "
                            "opsigelse med. Gør det hurtigst muligt, gerne samme dag som du melder "
                            "dig ledig.",
                            ("on_day", 0),
                            "skal",
                        ),
                        _item(
                            "Lav dit CV på Jobnet",
                            "CV'et skal være klar inden for 2 uger, og arbejdsgivere skal kunne se det.",
                            ("within_days", 14),
                            "skal",
                            ("Gå til Jobnet", JOBNET),
                        ),
                        _item(
                            "Mød op til samtalen om dit CV i a-kassen",
                            "A-kassen indkalder dig med Digital Post. Ved samtalen bliver dit CV godkendt.",
                            ("within_days", 14),
                            "skal",
                        ),
                        _item(
                            "Tjek, at du får betaling for dine G-dage",
                            "Har du ret til G-dage, skal din tidligere arbejdsgiver betale dem senest "
                            "ved den anden lønudbetaling, efter du er stoppet. "
                            "Kontakt din a-kasse, hvis pengene ikke kommer.",
                            ("within_months", 2),
                            "god-ide",
                        ),
                    ],
                ),
            ],
        },
        {
            "key": "samtaler-akasse-og-kommune",
            "heading": "Samtaler om job: først a-kassen, så kommunen (jobcenter)",
            "authority": "kl",
            "audience": MEMBER,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om en aktiv beskæftigelsesindsats; L 129 (2022-23), eu.dk; bm.dk "
                "pressemeddelelse (3.12.2025) om forsøg fra 2027; STAR, spørgsmål og svar om "
                "fleksible kontaktforløb (opdateret 1.7.2025, i kraft 1.7.2026). Antal samtaler "
                "er udeladt (ændres 2026-27)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>De første 3 måneder holder din a-kasse samtalerne med dig om job. "
                    "Derefter tager kommunen (jobcenter) over. Du bliver indkaldt med Digital "
                    "Post, og du kan se dine aftaler i Min plan på Jobnet.</p>"
                    "<p>Ved samtalerne taler I om, hvilke job du søger, og hvad der kan hjælpe "
                    "dig. Kommunen (jobcenter) kan også give dig et tilbud, "
                    "fx en praktik eller et kursus.</p>"
                    "<p>A-kassen er stadig med, når kommunen har overtaget samtalerne. "
                    "Den udbetaler dine dagpenge og svarer på spørgsmål om dine rettigheder.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "heading": "Nye regler for samtaler",
                        "text": "<p>Reglerne for, hvor mange samtaler du skal til, bliver ændret i "
                        "2026 og 2027. Fra 2027 prøver man også nye ordninger af. Her har nogle "
                        "ledige længere kontakt med a-kassen, eller de kan selv vælge, hvem de "
                        "vil tale med. Du får besked, hvis det gælder dig.</p>",
                    },
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Mød op til samtaler i a-kassen og i kommunen (jobcenter)",
                            "De første 3 måneder er det a-kassen, der indkalder dig. Derefter er "
                            "det kommunen (jobcenter). Kan du ikke komme, så giv besked hurtigst "
                            "muligt.",
                            ("ongoing", 0),
                            "skal",
                        ),
                        _item(
                            "Forbered dig til hver samtale",
                            "Tænk over, hvilke job du søger, og hvad du har brug for hjælp til.",
                            ("ongoing", 0),
                            "god-ide",
                        ),
                    ],
                ),
            ],
        },
        {
            "key": "dagpengekort",
            "heading": "Udfyld dit dagpengekort hver måned",
            "authority": "star",
            "audience": MEMBER,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om arbejdsløshedsforsikring m.v.; bekendtgørelse nr. 875 af 24.6.2025; "
                "dsa.dk, aka.dk og sl.dk om dagpengekort og frister (u.d.)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Dagpenge bliver udbetalt én gang om måneden. For at få pengene skal du "
                    "udfylde et dagpengekort. Det hedder også et ydelseskort. "
                    "Du finder det i a-kassens selvbetjening.</p>"
                    "<p>Kortet åbner nogle hverdage før månedens udgang. Sender du det i tide, "
                    "får du som regel pengene den sidste bankdag i måneden.</p>"
                    "<p>På kortet skriver du:</p>"
                    "<ul><li>de timer, du har arbejdet</li>"
                    "<li>de dage, hvor du har været syg</li>"
                    "<li>de dage, hvor du har holdt ferie</li>"
                    "<li>anden indkomst</li></ul>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "heading": "Husk fristen",
                        "text": "<p>Du skal sende dagpengekortet senest 1 måned og 10 dage efter "
                        "den måned, det gælder for. Kommer det for sent, "
                        "mister du dagpengene for hele måneden.</p>",
                    },
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Udfyld dit første dagpengekort",
                            "Kortet åbner sidst på måneden. Skriv dine arbejdstimer, sygedage, "
                            "feriedage og anden indkomst.",
                            ("within_months", 1),
                            "skal",
                        ),
                        _item(
                            "Udfyld dagpengekortet hver måned",
                            "Fristen er 1 måned og 10 dage efter den måned, kortet gælder for.",
                            ("ongoing", 0),
                            "skal",
                        ),
                    ],
                ),
            ],
        },
        {
            "key": "raadighed-og-ferie",
            "heading": "Stå til rådighed, og meld din ferie",
            "authority": "star",
            "audience": MEMBER,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om arbejdsløshedsforsikring m.v. og rådighedsreglerne; ca.dk »Pligt til "
                "rådighed og jobsøgning« (u.d.); krifa.dk (u.d.); foa.dk, sl.dk og fa-k.dk om "
                "feriedagpenge (u.d.). A-kassernes norm for antal ansøgninger er udeladt."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>For at få dagpenge skal du stå til rådighed for et job. "
                    "Det betyder bl.a., at du skal:</p>"
                    "<ul><li>kunne begynde i et job dagen efter, du har fået det tilbudt</li>"
                    "<li>søge job fra første dag og følge aftalerne i Min plan</li>"
                    "<li>bo i Danmark</li>"
                    "<li>tage et job, selvom du skal bruge op til 3 timer om dagen på transport. "
                    "Efter 3 måneder kan det være mere.</li></ul>"
                    "<p>Loven siger ikke, hvor mange job du skal søge. Din a-kasse fortæller "
                    "dig, hvad den forventer. Er du i tvivl om, hvad du må, så spørg a-kassen, "
                    "før du gør det.</p>"
                    "<h3>Ferie</h3>"
                    "<p>Du må gerne holde ferie, mens du er ledig. Meld ferien på Jobnet mindst "
                    "14 dage før. Giv også a-kassen besked senest på den første feriedag.</p>"
                    "<p>Har du feriepenge fra dit gamle job, skal du bruge dem først. Som ledig "
                    "optjener du også feriedagpenge: 2,08 dage for hver måned med dagpenge. "
                    "Du kan højst optjene 25 dage.</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "warning",
                        "heading": "",
                        "text": "<p>Står du ikke til rådighed, kan du miste retten til dagpenge "
                        "i en periode.</p>",
                    },
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Meld ferie på Jobnet mindst 14 dage før",
                            "Giv også a-kassen besked senest på den første feriedag.",
                            ("ongoing", 0),
                            "skal",
                        ),
                        _item(
                            "Spørg a-kassen, hvis du er i tvivl om, hvad du må",
                            "Fx hvis du vil tage et kursus, lave frivilligt arbejde eller rejse. "
                            "Det kan have betydning for dine dagpenge.",
                            ("ongoing", 0),
                            "god-ide",
                        ),
                    ],
                ),
            ],
        },
        # ---------------------------------------------------------------- non-members
        {
            "key": "soeg-kontanthjaelp",
            "heading": "Søg kontanthjælp hos kommunen",
            "authority": "kl",
            "audience": NON_MEMBER,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om aktiv socialpolitik, som ændret med virkning fra 1.7.2025; aalborg.dk "
                "»Det skal du vide om det nye kontanthjælpssystem« (2025); lundsteenwiederquist.dk "
                "(21.2.2025 og marts 2025); greve.dk, aarhus.dk, sonderborgkommune.dk og "
                "rudersdal.dk om ansøgning (u.d.); albertslund.dk (2015) om ægtefæller; "
                "jobcenter.workindenmark.dk om selvforsørgende (u.d.). Beløb er udeladt (ikke fundet)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Er du ikke medlem af en a-kasse, kan du søge kontanthjælp hos kommunen. "
                    "Kontanthjælp er til dig, der ikke kan forsørge dig selv, fx fordi du er "
                    "blevet ledig. Du kan ikke få kontanthjælp, hvis en anden ydelse kan "
                    "dække dig.</p>"
                    "<p>Først melder du dig ledig på Jobnet. Derefter søger du kontanthjælp "
                    "digitalt på borger.dk og sender dokumentation med. Du kan tidligst få hjælp "
                    "fra den dag, du har meldt dig ledig.</p>"
                    "<h3>Din formue og din ægtefælle</h3>"
                    "<p>Har du penge på kontoen eller andre værdier, skal du som regel bruge dem "
                    "først. Fra 1. juli 2025 må du have op til 15.500 kr. Er I gift, er grænsen "
                    "31.000 kr. for jer tilsammen. Formue kan fx være opsparing, en bil eller "
                    "friværdi i en bolig.</p>"
                    "<p>Er du gift, har I pligt til at forsørge hinanden. Din ægtefælles "
                    "indkomst og formue tæller derfor med. Bor I sammen uden at være gift, "
                    "tæller din samlevers indkomst ikke med.</p>"
                    "<h3>Hvor meget kan du få?</h3>"
                    "<p>Siden 1. juli 2025 er der én ydelse, som hedder kontanthjælp. Hvor meget "
                    "du får, afhænger bl.a. af din alder, om du bor hos dine forældre, og om du "
                    "har arbejdet i Danmark. Har du børn, kan du få tillæg. "
                    "Kommunen regner dit beløb ud.</p>"
                    "<p>Opfylder du ikke kravene om ophold og arbejde i Danmark, får du den "
                    "laveste sats. Så kan du også få pligt til at deltage i aktiviteter i op til "
                    "37 timer om ugen.</p>"
                    "<h3>Job og tilbud</h3>"
                    "<p>Du skal stå til rådighed for job og for de tilbud, du får fra kommunen "
                    "(jobcenter).</p>",
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "heading": "Kan du ikke få kontanthjælp?",
                        "text": "<p>Har du fx for stor formue, eller tjener din ægtefælle for "
                        "meget, kan du stadig melde dig ledig. Så kan kommunen (jobcenter) "
                        "hjælpe dig med at finde job. Du kan også bede om et tilbud, "
                        "fx et kursus.</p>",
                    },
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Søg kontanthjælp på borger.dk",
                            "Gør det, når du har meldt dig ledig på Jobnet. Søg hurtigst muligt. "
                            "Nogle kommuner kræver, at du søger inden for få dage.",
                            ("on_day", 0),
                            "skal",
                            ("Gå til borger.dk", BORGER),
                        ),
                        _item(
                            "Send de papirer, kommunen beder om",
                            "Fx kontoudtog, lønsedler og din opsigelse. Er du gift, skal du også "
                            "sende oplysninger om din ægtefælle. Uden papirerne kan kommunen ikke "
                            "regne din hjælp ud.",
                            ("within_days", 14),
                            "skal",
                        ),
                        _item(
                            "Lav dit CV på Jobnet",
                            "Så kan arbejdsgivere finde dig. Kommunen (jobcenter) fortæller dig, "
                            "hvornår det senest skal være klar.",
                            ("within_days", 14),
                            "god-ide",
                            ("Gå til Jobnet", JOBNET),
                        ),
                        _item(
                            "Giv kommunen besked, hvis din situation ændrer sig",
                            "Fx hvis du får arbejde, flytter, bliver gift eller får penge. "
                            "Ellers kan du komme til at betale kontanthjælp tilbage.",
                            ("ongoing", 0),
                            "skal",
                        ),
                    ],
                ),
                (
                    "self_service",
                    {
                        "label": "Søg kontanthjælp",
                        "url": BORGER,
                        "solution": "borger.dk",
                        "authority": "kl",
                        "description": "Log ind med MitID. Meld dig ledig på Jobnet først.",
                    },
                ),
            ],
        },
        {
            "key": "kontanthjaelp-under-30",
            "heading": "Kontanthjælp, når du er under 30 år",
            "authority": "kl",
            "audience": NON_MEMBER_UNDER_30,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om aktiv socialpolitik, satser fra 1.7.2025; aalborg.dk »Det skal du vide "
                "om det nye kontanthjælpssystem« (2025); lundsteenwiederquist.dk (21.2.2025); "
                "lolland.dk om tillæg (2025). Beløb og uddannelsespålæg (ophører 1.1.2027) er "
                "udeladt."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Er du under 30 år, får du som udgangspunkt grundsatsen. "
                    "Den ligger på samme niveau som SU.</p>"
                    "<p>Er du mellem 25 og 29 år, og har du arbejdet på fuld tid i mindst 2½ år "
                    "inden for de sidste 10 år? Så får du i stedet den forhøjede sats. "
                    "Den er højere.</p>"
                    "<p>Bor du hjemme hos dine forældre, får du en særlig sats for "
                    "hjemmeboende. Har du børn, kan du få tillæg. Kommunen ser på din situation "
                    "og fortæller dig, hvilken sats du får.</p>"
                    "<h3>Uddannelse kan være vejen</h3>"
                    "<p>Mangler du en uddannelse, kan kommunen (jobcenter) hjælpe dig med at "
                    "finde en, der passer til dig. En uddannelse kan gøre det lettere "
                    "at få et job.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Skriv i ansøgningen, om du bor hos dine forældre",
                            "Det har betydning for, hvor meget du kan få.",
                            ("on_day", 0),
                            "skal",
                        ),
                        _item(
                            "Find papirer på dit arbejde de sidste 10 år",
                            "Er du fyldt 25, og har du arbejdet fuld tid i mindst 2½ år, kan du få en "
                            "højere sats. Lønsedler og kontrakter kan vise det.",
                            ("within_days", 14),
                            "god-ide",
                        ),
                        _item(
                            "Tjek, at din afgørelse har den rigtige sats",
                            "Kommunen sender dig en afgørelse. Er du uenig, kan du klage. "
                            "Fristen står i afgørelsen.",
                            ("within_months", 1),
                            "god-ide",
                        ),
                        _item(
                            "Tal med kommunen (jobcenter) om uddannelse",
                            "Fortæl, hvad du gerne vil. Så kan I sammen finde en vej, der passer til dig.",
                            ("ongoing", 0),
                            "god-ide",
                        ),
                    ],
                ),
            ],
        },
        {
            "key": "kontanthjaelp-30-eller-derover",
            "heading": "Kontanthjælp, når du er 30 år eller derover",
            "authority": "kl",
            "audience": NON_MEMBER_30_PLUS,
            "review_by": review_in(SECTION_REVIEW_DAYS),
            "source": (
                "Lov om aktiv socialpolitik, satser fra 1.7.2025; aalborg.dk »Det skal du vide "
                "om det nye kontanthjælpssystem« (2025); lundsteenwiederquist.dk (21.2.2025); "
                "lolland.dk om tillæg (2025). Beløb er udeladt (ikke fundet)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>Er du 30 år eller derover, får du den forhøjede sats. Det kræver dog, "
                    "at du opfylder kravene om ophold og arbejde i Danmark. "
                    "Ellers får du den laveste sats, mindstesatsen.</p>"
                    "<p>Har du børn, kan du få tillæg oven i, fx børnetillæg og et tillæg til "
                    "børnenes fritidsaktiviteter. Er du enlig, kan du også få et tillæg. "
                    "Kommunen regner dit samlede beløb ud.</p>"
                    "<h3>Brug din erfaring</h3>"
                    "<p>Har du arbejdet i nogle år, har du erfaring, som kan bruges i andre job. "
                    "Fortæl kommunen (jobcenter), hvad du har lavet, og hvad du er god til. "
                    "Så kan I sammen finde job eller tilbud, der passer til dig.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Skriv ned, hvad du har arbejdet med, og hvad du er god til",
                            "Brug listen til dit CV og til din samtale med kommunen (jobcenter).",
                            ("within_days", 14),
                            "god-ide",
                        ),
                        _item(
                            "Tjek, at din afgørelse har den rigtige sats",
                            "Kommunen sender dig en afgørelse. Er du uenig, kan du klage. "
                            "Fristen står i afgørelsen.",
                            ("within_months", 1),
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
                "(u.d.); fa-k.dk og jobcenter.hedensted.dk om dimittender (u.d.). Indkomstkravets "
                "beløb og aldersgrænser for medlemskab er udeladt (usikre)."
            ),
            "content": [
                (
                    "rich_text",
                    "<p>En a-kasse er en forsikring mod ledighed. Melder du dig ind nu, kan du "
                    "ikke få dagpenge med det samme. Men du står bedre, hvis du mister et job "
                    "en anden gang.</p>"
                    "<p>For at få dagpenge skal du have været medlem i mindst 1 år. "
                    "Du skal også opfylde et krav om indkomst. "
                    "En a-kasse kan fortælle dig, hvad der gælder.</p>"
                    "<p>Dagpenge afhænger ikke af din formue eller af din ægtefælles indkomst. "
                    "Det gør kontanthjælp. Du kan trække dit kontingent til a-kassen fra "
                    "i skat.</p>"
                    "<p>Har du lige afsluttet en uddannelse, gælder der særlige regler for "
                    "nyuddannede. Så skal du melde dig ind inden for 2 uger efter, "
                    "du er blevet færdig.</p>",
                ),
                (
                    "checklist",
                    [
                        _item(
                            "Er du lige blevet færdig med en uddannelse? "
                            "Meld dig ind i en a-kasse inden for 2 uger",
                            "Så kan du måske få dagpenge som nyuddannet. Spørg en a-kasse, "
                            "hvad der gælder for dig.",
                            ("within_days", 14),
                            "god-ide",
                        ),
                        _item(
                            "Overvej at melde dig ind i en a-kasse",
                            "Sammenlign a-kasser, og vælg den, der passer dig. "
                            "Du kan tidligst få dagpenge, når du har været medlem i 1 år.",
                            ("within_months", 1),
                            "god-ide",
                        ),
                    ],
                ),
            ],
        },
    ],
}
