<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sl" sourcelanguage="en">
<context>
    <name>Breakdown</name>
    <message>
        <location filename="../../wallet/ui/screens/breakdown.py" line="34" />
        <source>a credential no longer in the list</source>
        <translation>dokazilo, ki ga ni več na seznamu</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/breakdown.py" line="35" />
        <source>(untitled credential)</source>
        <translation>(dokazilo brez naziva)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/breakdown.py" line="43" />
        <source>Requirements</source>
        <translation>Zahteve</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/breakdown.py" line="91" />
        <source>Not counting yet</source>
        <translation>Še ne šteje</translation>
    </message>
</context>
<context>
    <name>Buttons</name>
    <message>
        <location filename="../../wallet/ui/widgets.py" line="109" />
        <source>Confirm and close this window</source>
        <translation>Potrdi in zapri to okno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/widgets.py" line="110" />
        <source>Close this window without changing anything</source>
        <translation>Zapri to okno brez sprememb</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/widgets.py" line="111" />
        <source>Close this window</source>
        <translation>Zapri to okno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/widgets.py" line="112" />
        <source>Answer yes</source>
        <translation>Odgovori z da</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/widgets.py" line="113" />
        <source>Answer no</source>
        <translation>Odgovori z ne</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <location filename="../../wallet/ui/screens/cards.py" line="118" />
        <source>(untitled credential)</source>
        <translation>(dokazilo brez naslova)</translation>
    </message>
</context>
<context>
    <name>CardView</name>
    <message>
        <location filename="../../wallet/ui/screens/cards.py" line="167" />
        <source>Credential cards</source>
        <translation>Kartice dokazil</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/cards.py" line="168" />
        <source>Your credentials as cards; use the arrow keys to move between them</source>
        <translation>Vaša dokazila kot kartice; med njimi se premikate s puščičnimi tipkami</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="129" />
        <source>Create your wallet</source>
        <translation>Ustvarite svojo denarnico</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="135" />
        <source>Your credentials are kept encrypted on this computer. Choose a passphrase you can remember: it cannot be recovered, and without it the wallet cannot be opened.</source>
        <translation>Vaša dokazila so šifrirana shranjena na tem računalniku. Izberite geslo, ki si ga boste zapomnili: ni ga mogoče obnoviti in brez njega denarnice ni mogoče odpreti.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="142" />
        <source>New passphrase</source>
        <translation>Novo geslo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="142" />
        <source>At least 8 characters; a few words are easy to remember</source>
        <translation>Vsaj 8 znakov; nekaj besed si je lahko zapomniti</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="145" />
        <source>Repeat the passphrase</source>
        <translation>Ponovite geslo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="145" />
        <source>Type the same passphrase again</source>
        <translation>Znova vpišite isto geslo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="149" />
        <source>Passphrase strength</source>
        <translation>Moč gesla</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="149" />
        <source>How hard the passphrase is to guess</source>
        <translation>Kako težko je geslo uganiti</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="151" />
        <source>&amp;Create wallet</source>
        <translation>&amp;Ustvari denarnico</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="153" />
        <source>Create an encrypted wallet with this passphrase</source>
        <translation>Ustvari šifrirano denarnico s tem geslom</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="159" />
        <source>&amp;Passphrase:</source>
        <translation>&amp;Geslo:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="160" />
        <source>&amp;Repeat:</source>
        <translation>&amp;Ponovitev:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="161" />
        <source>Strength:</source>
        <translation>Moč:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="174" />
        <source>New wallet file: %1</source>
        <translation>Nova datoteka denarnice: %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="179" />
        <source>very weak</source>
        <translation>zelo šibko</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="179" />
        <source>weak</source>
        <translation>šibko</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="179" />
        <source>fair</source>
        <translation>zadovoljivo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="179" />
        <source>good</source>
        <translation>dobro</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="179" />
        <source>strong</source>
        <translation>močno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="186" />
        <source>Use at least %1 characters.</source>
        <translation>Uporabite vsaj %1 znakov.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="191" />
        <source>The two passphrases differ. Type the same passphrase twice.</source>
        <translation>Gesli se razlikujeta. Dvakrat vnesite isto geslo.</translation>
    </message>
</context>
<context>
    <name>CredentialsModel</name>
    <message>
        <location filename="../../wallet/ui/models/credentials.py" line="107" />
        <source>Title</source>
        <translation>Naslov</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/credentials.py" line="107" />
        <source>Issuer</source>
        <translation>Izdajatelj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/credentials.py" line="107" />
        <source>Issued</source>
        <translation>Izdano</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/credentials.py" line="107" />
        <source>Status</source>
        <translation>Stanje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/credentials.py" line="117" />
        <source>(untitled credential)</source>
        <translation>(dokazilo brez naslova)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/credentials.py" line="119" />
        <source>(issuer not named)</source>
        <translation>(izdajatelj ni naveden)</translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="73" />
        <location filename="../../wallet/ui/screens/credentials_page.py" line="79" />
        <source>Search credentials (Ctrl+F)</source>
        <translation>Iskanje dokazil (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="74" />
        <source>Search credentials</source>
        <translation>Iskanje dokazil</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="75" />
        <source>Every word you type must appear in the title, the issuer or the kind of credential</source>
        <translation>Vsaka vtipkana beseda se mora pojaviti v nazivu, izdajatelju ali vrsti dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="78" />
        <source>Search</source>
        <translation>Iskanje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="82" />
        <source>Filter by issuer</source>
        <translation>Filtriraj po izdajatelju</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="83" />
        <source>Filter by kind of credential</source>
        <translation>Izbor po vrsti dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="84" />
        <source>Filter by state</source>
        <translation>Izbor po stanju</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="85" />
        <source>Filter by target qualification</source>
        <translation>Filtriraj po ciljni kvalifikaciji</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="96" />
        <source>Show as cards (Ctrl+2) or as a list (Ctrl+1)</source>
        <translation>Prikaži kot kartice (Ctrl+2) ali kot seznam (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="97" />
        <location filename="../../wallet/ui/screens/credentials_page.py" line="291" />
        <source>Show as cards</source>
        <translation>Prikaži kot kartice</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="107" />
        <source>Credentials</source>
        <translation>Dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="107" />
        <source>Your credentials as a list: title, issuer, state and date</source>
        <translation>Vaša dokazila kot seznam: naziv, izdajatelj, stanje in datum</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="133" />
        <source>No credentials yet. Import files (Ctrl+O), paste a credential or a link (Ctrl+Shift+V), open a QR image, or drop files on this window.</source>
        <translation>Dokazil še ni. Uvozite datoteke (Ctrl+O), prilepite dokazilo ali povezavo (Ctrl+Shift+V), odprite sliko kode QR ali povlecite datoteke v to okno.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="216" />
        <source>Any target</source>
        <translation>Vsi cilji</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="227" />
        <source>Any issuer</source>
        <translation>Vsi izdajatelji</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="228" />
        <source>Any kind</source>
        <translation>Vse vrste</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="229" />
        <source>Any state</source>
        <translation>Vsa stanja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="291" />
        <source>Show as a list</source>
        <translation>Prikaži kot seznam</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="108" />
        <source>Language of the credential text</source>
        <translation>Jezik besedila dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="113" />
        <source>Second language, side by side</source>
        <translation>Drugi jezik, vzporedno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="118" />
        <source>&amp;Show in:</source>
        <translation>&amp;Prikaži v:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="120" />
        <source>Side &amp;by side with:</source>
        <translation>&amp;Vzporedno z:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="91" />
        <source>State of the credential</source>
        <extracomment>Original bytes beyond this are cut in the viewer (the vault keeps them whole).</extracomment>
        <translation>Stanje dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="109" />
        <source>The language the credential's text is shown in</source>
        <translation>Jezik, v katerem je prikazano besedilo dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="114" />
        <source>Show the text in a second language next to the first</source>
        <translation>Prikaži besedilo v drugem jeziku ob prvem</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="125" />
        <source>Summary and elements of the credential</source>
        <translation>Povzetek in elementi dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="126" />
        <source>What the credential says, element by element</source>
        <translation>Kaj dokazilo navaja, element za elementom</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="134" />
        <source>Verification checks</source>
        <translation>Preverjanja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="134" />
        <source>Each check, its result and why</source>
        <translation>Vsako preverjanje, njegov izid in razlog</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="135" />
        <source>&amp;Verify again</source>
        <translation>&amp;Ponovno preveri</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="136" />
        <source>Verify with today's date and the evidence cached in the wallet</source>
        <translation>Preveri z današnjim datumom in dokazili, shranjenimi v denarnici</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="140" />
        <source>&amp;Technical details</source>
        <translation>&amp;Tehnične podrobnosti</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="145" />
        <source>Show the check identifiers, keys, suites and the values as the credential states them</source>
        <translation>Prikaži oznake preverjanj, ključe, načine podpisa in vrednosti, kot jih navaja dokazilo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="279" />
        <source>* essential check: without it nothing can be said about the credential</source>
        <translation>* bistveno preverjanje: brez njega o dokazilu ni mogoče reči ničesar</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="284" />
        <source>Technical details</source>
        <translation>Tehnične podrobnosti</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="160" />
        <source>Original bytes, read-only</source>
        <translation>Izvirni bajti, samo za branje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="161" />
        <source>The credential exactly as it was received</source>
        <translation>Dokazilo natanko tako, kot je bilo prejeto</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="171" />
        <source>&amp;About it</source>
        <translation>&amp;O dokazilu</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="204" />
        <source>(issuer not named)</source>
        <translation>(izdajatelj ni naveden)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="229" />
        <source>%1 bytes, %2, from %3, imported %4.</source>
        <translation>%1 bajtov, %2, iz %3, uvoženo %4.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="230" />
        <source>(no file name)</source>
        <translation>(brez imena datoteke)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="239" />
        <source>Checked offline on %1, with the evidence cached in the wallet.</source>
        <translation>Preverjeno brez povezave %1, z dokazi, shranjenimi v denarnici.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="244" />
        <source>The issuer is in your trust store as “%1”.</source>
        <translation>Izdajatelj je med vašimi zaupanja vrednimi kot »%1«.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="283" />
        <source>Identifier in the wallet (SHA-256)</source>
        <translation>Oznaka v denarnici (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="283" />
        <source>Format</source>
        <translation>Oblika</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="172" />
        <source>&amp;Verification</source>
        <translation>P&amp;reverjanje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="173" />
        <source>&amp;Original</source>
        <translation>&amp;Izvirnik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="174" />
        <source>Parts of the credential view</source>
        <translation>Deli prikaza dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="175" />
        <source>Select a credential to see it here.</source>
        <translation>Izberite dokazilo, da ga vidite tukaj.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="233" />
        <source>(only the first %1 KiB are shown)</source>
        <translation>(prikazanih je le prvih %1 KiB)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="238" />
        <source>This credential has not been verified yet.</source>
        <translation>To dokazilo še ni bilo preverjeno.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="253" />
        <source>(none)</source>
        <translation>(brez)</translation>
    </message>
</context>
<context>
    <name>Elements</name>
    <message>
        <location filename="../../wallet/ui/elements.py" line="93" />
        <source>What</source>
        <translation>Kaj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/elements.py" line="94" />
        <source>Awarded to</source>
        <translation>Prejemnik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/elements.py" line="95" />
        <source>Awarded by</source>
        <translation>Podelil</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/elements.py" line="99" />
        <source>issued %1</source>
        <translation>izdano %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/elements.py" line="101" />
        <source>valid until %1</source>
        <translation>velja do %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/elements.py" line="102" />
        <source>When</source>
        <translation>Kdaj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/elements.py" line="103" />
        <source>How much</source>
        <translation>Obseg</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/elements.py" line="104" />
        <source>Level</source>
        <translation>Raven</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/elements.py" line="132" />
        <source>This credential has not been verified yet.</source>
        <translation>To dokazilo še ni bilo preverjeno.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/elements.py" line="156" />
        <source>essential</source>
        <translation>bistveno</translation>
    </message>
</context>
<context>
    <name>EvidenceScheduler</name>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="138" />
        <source>Evidence refreshed on schedule: %1</source>
        <translation>Dokazila so bila osvežena po urniku: %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="142" />
        <source>Scheduled evidence refresh failed: %1</source>
        <translation>Osvežitev dokazil po urniku ni uspela: %1</translation>
    </message>
</context>
<context>
    <name>Expiry</name>
    <message>
        <location filename="../../wallet/ui/widgets.py" line="75" />
        <source>1 day</source>
        <extracomment>Languages offered for credential text and printouts (any others a credential carries are added).</extracomment>
        <translation>1 dan</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/widgets.py" line="76" />
        <source>1 week</source>
        <translation>1 teden</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/widgets.py" line="77" />
        <source>30 days</source>
        <translation>30 dni</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/widgets.py" line="78" />
        <source>3 months</source>
        <translation>3 mesece</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/widgets.py" line="79" />
        <source>6 months</source>
        <translation>6 mesecev</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/widgets.py" line="80" />
        <source>1 year</source>
        <translation>1 leto</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="31" />
        <source>Help</source>
        <translation>Pomoč</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="34" />
        <source>Help topics</source>
        <translation>Teme pomoči</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="35" />
        <source>Guide</source>
        <translation>Vodnik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="35" />
        <source>What each screen is for and how to use it</source>
        <translation>Čemu je namenjen vsak zaslon in kako ga uporabljati</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="37" />
        <source>Keyboard shortcuts</source>
        <translation>Bližnjice na tipkovnici</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="37" />
        <source>Every action and its keys</source>
        <translation>Vsako dejanje in njegove tipke</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="39" />
        <source>Where your data lives</source>
        <translation>Kje so vaši podatki</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="39" />
        <source>The files the wallet keeps and where</source>
        <translation>Datoteke, ki jih hrani denarnica, in kje so</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="41" />
        <source>About</source>
        <translation>O programu</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="41" />
        <source>What this application is, its licence</source>
        <translation>Kaj je ta program in njegova licenca</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="43" />
        <source>&amp;Guide</source>
        <translation>&amp;Vodnik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="44" />
        <source>&amp;Keyboard</source>
        <translation>&amp;Tipkovnica</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="45" />
        <source>Your &amp;data</source>
        <translation>Vaši &amp;podatki</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="46" />
        <source>A&amp;bout</source>
        <translation>O p&amp;rogramu</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="59" />
        <source>Credentials</source>
        <translation>Dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="60" />
        <source>Your credentials as cards or as a list (Ctrl+2, Ctrl+1). Type to search; filter by issuer, kind, state or target. Each credential shows its state in words and colour: valid, valid with a note, expired, revoked, not checked for revocation, cannot be checked, or changed. Select one to read it: a short summary, then every standard element; choose a second language to show the text side by side, which helps when you present it abroad. The Verification tab says what was checked and as of when; Technical details shows the identifiers behind it.</source>
        <translation>Vaša dokazila kot kartice ali kot seznam (Ctrl+2, Ctrl+1). Tipkajte za iskanje; izbirajte po izdajatelju, vrsti, stanju ali cilju. Vsako dokazilo pokaže svoje stanje z besedami in barvo: veljavno, veljavno z opombo, poteklo, preklicano, preklic ni preverjen, ni ga mogoče preveriti ali spremenjeno. Izberite dokazilo, da ga preberete: najprej kratek povzetek, nato vsak standardni element; izberite drugi jezik, da se besedilo prikaže vzporedno, kar pomaga, ko ga predstavljate v tujini. Zavihek Preverjanje pove, kaj je bilo preverjeno in kdaj; Tehnične podrobnosti pokažejo oznake v ozadju.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="66" />
        <source>Adding credentials</source>
        <translation>Dodajanje dokazil</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="67" />
        <source>Import files (Ctrl+O), paste a credential or a link (Ctrl+Shift+V), open a picture of a QR code (Ctrl+Shift+O), or drop files on the window. Each one is checked before it is stored; a changed or forged credential is refused and the others are still imported.</source>
        <translation>Uvozite datoteke (Ctrl+O), prilepite dokazilo ali povezavo (Ctrl+Shift+V), odprite sliko kode QR (Ctrl+Shift+O) ali povlecite datoteke na okno. Vsako je preverjeno, preden se shrani; spremenjeno ali ponarejeno dokazilo je zavrnjeno, druga se kljub temu uvozijo.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="70" />
        <source>Targets</source>
        <translation>Cilji</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="71" />
        <source>How far your credentials take you towards a qualification: which credential fills which requirement and why, what is still missing (the most useful first), and which credentials do not count yet and why. Add a target from a file your school or employer gives you.</source>
        <translation>Kako daleč vas dokazila pripeljejo do kvalifikacije: katero dokazilo izpolni katero zahtevo in zakaj, kaj še manjka (najkoristnejše najprej) in katera dokazila še ne štejejo in zakaj. Cilj dodate iz datoteke, ki vam jo da šola ali delodajalec.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="74" />
        <source>Share</source>
        <translation>Deljenje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="75" />
        <source>Tick the credentials to share and choose how: a signed file, a link, a QR code, a printable PDF or entries for your Europass CV. If the recipient gave you a challenge code or a web address, enter it. The wallet warns you before sharing a credential that is expired, revoked or otherwise not in force.</source>
        <translation>Označite dokazila, ki jih želite deliti, in izberite način: podpisana datoteka, povezava, koda QR, PDF za tiskanje ali vnosi za vaš življenjepis Europass. Če vam je prejemnik dal kodo izziva ali spletni naslov, ju vnesite. Denarnica vas opozori, preden delite dokazilo, ki je poteklo, preklicano ali kako drugače ne velja.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="78" />
        <source>Check received</source>
        <translation>Preverjanje prejetega</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="79" />
        <source>For an employer or an office: paste a link, open a bundle file or a picture of its QR code. The answer comes first: Checks out, Not fully checked, or Do not rely on this, with the reasons. Nothing is stored and nothing is sent anywhere.</source>
        <translation>Za delodajalca ali urad: prilepite povezavo, odprite datoteko paketa ali sliko njegove kode QR. Odgovor je na vrhu: Preverjeno, v redu; Ni v celoti preverjeno; ali Na to se ne zanašajte, z razlogi. Nič se ne shrani in nič se nikamor ne pošlje.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="82" />
        <source>Settings and backups</source>
        <translation>Nastavitve in varnostne kopije</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="83" />
        <source>Settings (Ctrl+,) chooses the languages, when the wallet locks itself, how long shared bundles are accepted, and whom you trust. Back up the wallet (Ctrl+Shift+B) to one encrypted file that opens with your passphrase; keep it somewhere safe. Without the passphrase no one can open the wallet or the backup, and it cannot be recovered.</source>
        <translation>V nastavitvah (Ctrl+,) izberete jezike, kdaj se denarnica sama zaklene, kako dolgo so deljeni paketi sprejemljivi in komu zaupate. Denarnico varnostno kopirajte (Ctrl+Shift+B) v eno šifrirano datoteko, ki se odpre z vašim geslom; shranite jo na varno. Brez gesla nihče ne more odpreti denarnice ali kopije in gesla ni mogoče obnoviti.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="91" />
        <source>Import files</source>
        <translation>Uvoz datotek</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="91" />
        <source>Paste a credential or a link</source>
        <translation>Prilepite dokazilo ali povezavo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="92" />
        <source>Import from a QR image</source>
        <translation>Uvoz iz slike kode QR</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="92" />
        <source>Search credentials</source>
        <translation>Iskanje dokazil</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="93" />
        <source>Show as a list / as cards</source>
        <translation>Prikaz kot seznam / kot kartice</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="93" />
        <source>Verify again</source>
        <translation>Ponovno preveri</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="95" />
        <source>Remove the selected credentials (asks first)</source>
        <translation>Odstrani izbrana dokazila (najprej vpraša)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="95" />
        <source>Settings</source>
        <translation>Nastavitve</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="96" />
        <source>Back up the wallet</source>
        <translation>Varnostna kopija denarnice</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="96" />
        <source>Lock the wallet</source>
        <translation>Zakleni denarnico</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="97" />
        <source>Next / previous screen</source>
        <translation>Naslednji / prejšnji zaslon</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="98" />
        <source>underlined letter</source>
        <translation>podčrtana črka</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="98" />
        <source>The button, tab or field with that letter</source>
        <translation>Gumb, zavihek ali polje s to črko</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="99" />
        <source>Next / previous field</source>
        <translation>Naslednje / prejšnje polje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="99" />
        <source>Tick or untick in a list</source>
        <translation>Označi ali odznači na seznamu</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="100" />
        <source>This help</source>
        <translation>Ta pomoč</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="100" />
        <source>Quit</source>
        <translation>Izhod</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="107" />
        <source>(no wallet open)</source>
        <translation>(nobena denarnica ni odprta)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="110" />
        <source>Your wallet</source>
        <translation>Vaša denarnica</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="111" />
        <source>Everything you keep is in one encrypted file, with a small header file next to it. It never leaves this computer unless you share or back it up.</source>
        <translation>Vse, kar hranite, je v eni šifrirani datoteki, ob njej je majhna datoteka z glavo. Ta računalnik zapusti samo, če jo delite ali varnostno kopirate.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="113" />
        <source>Application preferences</source>
        <translation>Nastavitve programa</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="114" />
        <source>The language of the application and the view you prefer are kept, unencrypted, in:</source>
        <translation>Jezik programa in prikaz, ki ga imate raje, sta shranjena nešifrirano v:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="115" />
        <source>Backups and shares</source>
        <translation>Varnostne kopije in deljenje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="116" />
        <source>Backups, bundles, PDFs and QR images are written only where you choose. A link contains the bundle itself; anyone who has the link can read it until it expires.</source>
        <translation>Varnostne kopije, paketi, PDF-ji in slike kod QR se zapišejo samo tja, kamor izberete. Povezava vsebuje paket sam; vsak, ki ima povezavo, ga lahko prebere, dokler ne poteče.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="123" />
        <source>Learner wallet</source>
        <translation>Učna denarnica</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="124" />
        <source>Learner wallet keeps your credentials encrypted on this computer, verifies them offline, shows your progress towards qualifications and shares signed bundles.</source>
        <translation>Učna denarnica hrani vaša dokazila šifrirana na tem računalniku, jih preverja brez povezave, kaže vaš napredek do kvalifikacij in deli podpisane pakete.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/help_dialog.py" line="126" />
        <source>Licence: EUPL-1.2</source>
        <translation>Licenca: EUPL-1.2</translation>
    </message>
</context>
<context>
    <name>HostedBox</name>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="50" />
        <location filename="../../wallet/ui/screens/hosted_links.py" line="59" />
        <source>Share service</source>
        <translation>Storitev za deljenje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="51" />
        <source>The address of the share service to upload to (https://…):</source>
        <translation>Naslov storitve za deljenje, na katero se nalaga (https://…):</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="70" />
        <source>&amp;Upload as a hosted link</source>
        <translation>&amp;Naloži kot gostujočo povezavo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="71" />
        <source>Encrypt the bundle on this computer and upload it; anyone with the link can open and check it in a browser, the service cannot read it</source>
        <translation>Paket šifriraj na tem računalniku in ga naloži; vsak s povezavo ga lahko odpre in preveri v brskalniku, storitev pa ga ne more prebrati</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="74" />
        <source>Upload as a hosted link</source>
        <translation>Naloži kot gostujočo povezavo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="76" />
        <source>Can be opened only &amp;once</source>
        <translation>Odpre se lahko le &amp;enkrat</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="77" />
        <source>One-time link</source>
        <translation>Enkratna povezava</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="78" />
        <source>The link stops working after the first person opens it</source>
        <translation>Povezava preneha delovati, ko jo prva oseba odpre</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="79" />
        <source>My shared lin&amp;ks…</source>
        <translation>Moje deljene po&amp;vezave …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="80" />
        <source>My shared links</source>
        <translation>Moje deljene povezave</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="80" />
        <source>See the hosted links you made and delete them</source>
        <translation>Oglejte si gostujoče povezave, ki ste jih naredili, in jih izbrišite</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="97" />
        <source>Share</source>
        <translation>Deli</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="98" />
        <source>Some of the chosen credentials are not in force:</source>
        <translation>Nekatera izbrana dokazila ne veljajo:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="99" />
        <source>Share them anyway?</source>
        <translation>Jih vseeno delim?</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="102" />
        <source>Encrypting and uploading…</source>
        <translation>Šifriranje in nalaganje …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="114" />
        <source>Uploaded, encrypted: the link is on the clipboard. It works until %1.</source>
        <translation>Naloženo in šifrirano: povezava je v odložišču. Deluje do %1.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="116" />
        <source>It can be opened once.</source>
        <translation>Odpre se lahko enkrat.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="117" />
        <source>Its QR code and the printable PDF now carry this short link.</source>
        <translation>Njena koda QR in PDF za tisk zdaj vsebujeta to kratko povezavo.</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="19" />
        <source>Imported</source>
        <translation>Uvoženo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="20" />
        <source>Already in the wallet</source>
        <translation>Že v denarnici</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="21" />
        <source>Not imported</source>
        <translation>Ni uvoženo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="22" />
        <source>Kept as evidence</source>
        <translation>Shranjeno kot dokazilo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="23" />
        <source>Fetched online</source>
        <translation>Preneseno s spleta</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="24" />
        <source>Could not be fetched</source>
        <translation>Ni bilo mogoče prenesti</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="84" />
        <source>Import credentials</source>
        <extracomment>A credential *offer* was pasted, dropped or scanned: it is received (with consent), not imported. A verifier's *request* (openid4vp) was pasted, dropped or scanned: it is answered (with consent), not imported.</extracomment>
        <translation>Uvoz dokazil</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="87" />
        <source>Items to import</source>
        <translation>Elementi za uvoz</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="87" />
        <source>The files and texts that will be checked and imported</source>
        <translation>Datoteke in besedila, ki bodo preverjeni in uvoženi</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="89" />
        <source>Add &amp;files…</source>
        <translation>Dodaj &amp;datoteke …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="91" />
        <source>&amp;Paste…</source>
        <translation>&amp;Prilepi …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="93" />
        <source>Open &amp;QR image…</source>
        <translation>Odpri sliko &amp;QR …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="97" />
        <source>Reading QR images needs the zxing-cpp package, which is not installed.</source>
        <translation>Za branje slik QR je potreben paket zxing-cpp, ki ni nameščen.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="98" />
        <source>&amp;Remove from list</source>
        <translation>&amp;Odstrani s seznama</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="100" />
        <source>Choose credential files to add to the list</source>
        <translation>Izberite datoteke z dokazili za seznam</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="101" />
        <source>Paste a credential or a link</source>
        <translation>Prilepite dokazilo ali povezavo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="102" />
        <source>Open a photo or scan of a QR code</source>
        <translation>Odprite fotografijo ali sken kode QR</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="103" />
        <source>Take the selected items off the list</source>
        <translation>Odstrani izbrane postavke s seznama</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="109" />
        <source>Drop credential files here, or add them with the buttons.</source>
        <translation>Sem povlecite datoteke s dokazili ali jih dodajte z gumbi.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="112" />
        <source>Import progress</source>
        <translation>Napredek uvoza</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="112" />
        <source>How many items have been checked</source>
        <translation>Koliko postavk je že preverjenih</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="119" />
        <source>Import results</source>
        <translation>Rezultati uvoza</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="119" />
        <source>What happened to each item, and why</source>
        <translation>Kaj se je zgodilo s posamezno postavko in zakaj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="129" />
        <source>&amp;Import</source>
        <translation>&amp;Uvozi</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="133" />
        <source>Check the items listed and store them in the wallet</source>
        <translation>Preveri navedene postavke in jih shrani v denarnico</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="153" />
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 bajtov)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="161" />
        <source>Reading files…</source>
        <translation>Branje datotek …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="171" />
        <source>Choose credential files</source>
        <translation>Izberite datoteke s dokazili</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="171" />
        <source>Credentials (*.json *.jsonld *.jwt *.txt *.png *.svg *.xml *.cred *.vp);;All files (*)</source>
        <translation>Dokazila (*.json *.jsonld *.jwt *.txt *.png *.svg *.xml *.cred *.vp);;Vse datoteke (*)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="199" />
        <source>Open a QR code image</source>
        <translation>Odprite sliko kode QR</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="199" />
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;All files (*)</source>
        <translation>Slike (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;Vse datoteke (*)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="244" />
        <source>Checking and importing %1 items…</source>
        <translation>Preverjanje in uvoz %1 elementov …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="255" />
        <source>Import cancelled; nothing was stored.</source>
        <translation>Uvoz je preklican; nič ni bilo shranjeno.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="278" />
        <location filename="../../wallet/ui/screens/import_dialog.py" line="282" />
        <source>Cancelling…</source>
        <translation>Preklic …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="293" />
        <source>Imported %1, already in the wallet %2, not imported %3, kept as evidence %4.</source>
        <translation>Uvoženih %1, že v denarnici %2, neuvoženih %3, shranjenih kot dokazilo %4.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="297" />
        <source>Evidence fetched online: %1, could not be fetched: %2.</source>
        <translation>Dokazila, prenesena s spleta: %1, ni jih bilo mogoče prenesti: %2.</translation>
    </message>
</context>
<context>
    <name>ImportResultsModel</name>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="52" />
        <source>Item</source>
        <translation>Element</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="52" />
        <source>Outcome</source>
        <translation>Izid</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="52" />
        <source>Details</source>
        <translation>Podrobnosti</translation>
    </message>
</context>
<context>
    <name>LinkFlowDialog</name>
    <message>
        <location filename="../../wallet/ui/screens/link_flow.py" line="73" />
        <source>&amp;Continue</source>
        <translation>&amp;Nadaljuj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/link_flow.py" line="76" />
        <source>Continue</source>
        <translation>Nadaljuj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/link_flow.py" line="114" />
        <source>Result</source>
        <translation>Izid</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/link_flow.py" line="115" />
        <source>&amp;Close</source>
        <translation>&amp;Zapri</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/link_flow.py" line="116" />
        <source>Close</source>
        <translation>Zapri</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/link_flow.py" line="117" />
        <source>Close this window</source>
        <translation>Zapri to okno</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="67" />
        <location filename="../../wallet/ui/screens/main_window.py" line="258" />
        <location filename="../../wallet/ui/screens/main_window.py" line="332" />
        <source>Learner wallet</source>
        <extracomment>The smallest window every screen is laid out for (tests and screenshots check it).</extracomment>
        <translation>Učna denarnica</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="83" />
        <source>Screens of the wallet</source>
        <translation>Zasloni denarnice</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="84" />
        <source>Credentials, targets, sharing and checking what you received</source>
        <translation>Dokazila, cilji, deljenje in preverjanje prejetega</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="85" />
        <source>&amp;Credentials</source>
        <translation>&amp;Dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="86" />
        <source>&amp;Targets</source>
        <translation>&amp;Cilji</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="87" />
        <source>&amp;Share</source>
        <translation>&amp;Deljenje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="88" />
        <source>C&amp;heck received</source>
        <translation>Pre&amp;veri prejeto</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="99" />
        <source>Working…</source>
        <translation>Delam …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="125" />
        <source>&amp;File</source>
        <translation>&amp;Datoteka</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="126" />
        <source>&amp;Import files…</source>
        <translation>&amp;Uvozi datoteke …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="127" />
        <source>&amp;Paste credential or link…</source>
        <translation>&amp;Prilepi dokazilo ali povezavo …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="128" />
        <source>Import from a &amp;QR image…</source>
        <translation>Uvozi iz slike &amp;QR …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="129" />
        <source>Recei&amp;ve from an issuer…</source>
        <translation>Pre&amp;jmi od izdajatelja …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="131" />
        <source>Pr&amp;esent to a verifier…</source>
        <translation>Predlo&amp;ži preveritelju …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="133" />
        <source>Presented to &amp;verifiers…</source>
        <translation>Predloženo preverit&amp;eljem …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="135" />
        <source>&amp;Back up wallet…</source>
        <translation>&amp;Varnostno kopiraj denarnico …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="137" />
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Obnovi iz varnostne kopije …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="139" />
        <source>&amp;Lock</source>
        <translation>&amp;Zakleni</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="140" />
        <source>&amp;Quit</source>
        <translation>&amp;Končaj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="145" />
        <source>&amp;Edit</source>
        <translation>&amp;Urejanje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="146" />
        <source>&amp;Find</source>
        <translation>&amp;Najdi</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="147" />
        <source>&amp;Remove credential…</source>
        <translation>&amp;Odstrani dokazilo …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="148" />
        <source>&amp;Verify again</source>
        <translation>&amp;Ponovno preveri</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="149" />
        <source>Refresh &amp;evidence</source>
        <translation>Osveži &amp;dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="151" />
        <source>Fetch what the credentials need from their issuers, then check them again</source>
        <translation>Od izdajateljev prenesi, kar poverila potrebujejo, nato jih ponovno preveri</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="153" />
        <source>&amp;Settings…</source>
        <translation>&amp;Nastavitve …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="155" />
        <source>Change &amp;passphrase…</source>
        <translation>Spremeni &amp;geslo …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="161" />
        <source>&amp;View</source>
        <translation>&amp;Pogled</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="162" />
        <source>As a &amp;list</source>
        <translation>Kot &amp;seznam</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="164" />
        <source>As &amp;cards</source>
        <translation>Kot &amp;kartice</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="168" />
        <source>&amp;Help</source>
        <translation>Po&amp;moč</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="169" />
        <source>&amp;Guide</source>
        <translation>&amp;Vodnik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="171" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Bližnjice na tipkovnici</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="173" />
        <source>Where your &amp;data lives</source>
        <translation>Kje so vaši &amp;podatki</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="175" />
        <source>&amp;About</source>
        <translation>&amp;O programu</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="181" />
        <source>Main</source>
        <translation>Glavna</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="208" />
        <source>Wallet: %1</source>
        <translation>Denarnica: %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="211" />
        <source>Locked</source>
        <translation>Zaklenjeno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="322" />
        <source>Unlock the wallet to continue with the link you opened.</source>
        <translation>Odklenite denarnico, da nadaljujete s povezavo, ki ste jo odprli.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="332" />
        <source>The wallet does not know what to do with this link.</source>
        <translation>Denarnica ne ve, kaj storiti s to povezavo.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="354" />
        <source>Remove credentials</source>
        <translation>Odstrani dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="371" />
        <source>Verifying again…</source>
        <translation>Ponovno preverjanje …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="388" />
        <source>Check a bundle someone sent you</source>
        <translation>Preverite paket, ki vam ga je nekdo poslal</translation>
    </message>
</context>
<context>
    <name>Online</name>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="39" />
        <source>Fetched %1 of %2 pieces of evidence.</source>
        <extracomment>How often the schedule looks for due evidence while the app runs (what is due decides the core). When the vault thread is busy with the user's work, the schedule looks again this much later.</extracomment>
        <translation>Prenesenih dokazil: %1 od %2.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="42" />
        <source>Offline mode is on, so nothing was fetched; the credentials were checked against the evidence already in the wallet.</source>
        <translation>Vklopljen je način brez povezave, zato ni bilo nič preneseno; poverila so bila preverjena z dokazili, ki so že v denarnici.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="46" />
        <source>%1 could not be fetched:</source>
        <translation>Ni bilo mogoče prenesti (%1):</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="50" />
        <source>Cancelled: what was fetched before was kept.</source>
        <translation>Preklicano: kar je bilo prej preneseno, je ohranjeno.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="52" />
        <source>What changed:</source>
        <translation>Kaj se je spremenilo:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="55" />
        <source>Checked %1 credential(s) again; nothing changed.</source>
        <translation>Ponovno preverjena poverila: %1; nič se ni spremenilo.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="66" />
        <source>Refresh evidence</source>
        <translation>Osveži dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="67" />
        <source>Fetching evidence…</source>
        <translation>Prenašanje dokazil …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="68" />
        <source>Cancel</source>
        <translation>Prekliči</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="81" />
        <source>Evidence refreshed: %1 fetched, %2 change(s).</source>
        <translation>Dokazila osvežena: prenesenih %1, sprememb %2.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="151" />
        <source>The credentials you are importing need evidence from %1 (%2).

Fetch it now? The host learns that a credential it issued is being checked. Your answer is remembered for this host; change it under Settings ▸ Online.</source>
        <translation>Poverila, ki jih uvažate, potrebujejo dokazila s strežnika %1 (%2).

Jih prenesem zdaj? Strežnik bo izvedel, da se preverja poverilo, ki ga je izdal. Vaš odgovor si zapomnim za ta strežnik; spremenite ga v Nastavitve ▸ Splet.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="155" />
        <source>Fetch evidence online?</source>
        <translation>Prenesem dokazila s spleta?</translation>
    </message>
</context>
<context>
    <name>OnlinePage</name>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="40" />
        <source>Fetch evidence when importing</source>
        <translation>Prenos dokazil ob uvozu</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="42" />
        <source>Whether importing a credential may fetch what its issuer publishes: ask once per host, always, or never.</source>
        <translation>Ali sme uvoz dokazila prenesti, kar objavlja njegov izdajatelj: vprašaj enkrat za vsak strežnik, vedno ali nikoli.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="43" />
        <source>Ask once for each issuer's host</source>
        <translation>Enkrat vprašaj za vsak izdajateljev strežnik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="44" />
        <source>Always</source>
        <translation>Vedno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="45" />
        <source>Never (only when I ask)</source>
        <translation>Nikoli (samo ko to zahtevam)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="46" />
        <source>&amp;Offline mode: never use the network</source>
        <translation>Način brez &amp;povezave: nikoli ne uporabi omrežja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="47" />
        <source>The wallet then checks credentials only against evidence it already has.</source>
        <translation>Denarnica tedaj preverja poverila samo z dokazili, ki jih že ima.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="49" />
        <source>Credentials are always checked offline. Some need something their issuer publishes (its keys, its revocation list); the wallet fetches it only on import (as set here), when you choose Refresh evidence, and on a schedule while it runs. Every host contacted is listed below.</source>
        <translation>Poverila se vedno preverjajo brez povezave. Nekatera potrebujejo nekaj, kar objavlja njihov izdajatelj (njegove ključe, seznam preklicev); denarnica to prenese le ob uvozu (kot je nastavljeno tukaj), ko izberete Osveži dokazila, in po urniku, medtem ko teče. Vsi strežniki, s katerimi je stopila v stik, so navedeni spodaj.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="54" />
        <source>Fetch evidence on &amp;import:</source>
        <translation>Prenesi dokazila ob &amp;uvozu:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="57" />
        <source>Contacted hosts</source>
        <translation>Strežniki, s katerimi je bil vzpostavljen stik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="59" />
        <source>Every host the wallet looked up or contacted, how often, when last, your answer and why.</source>
        <translation>Vsak strežnik, ki ga je denarnica poiskala ali z njim vzpostavila stik, kolikokrat, kdaj nazadnje, vaš odgovor in zakaj.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="60" />
        <source>Host</source>
        <translation>Strežnik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="60" />
        <source>Times</source>
        <translation>Kolikokrat</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="60" />
        <source>Last contact</source>
        <translation>Zadnji stik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="61" />
        <source>Your answer</source>
        <translation>Vaš odgovor</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="61" />
        <source>Why</source>
        <translation>Zakaj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="66" />
        <source>&amp;Allow host</source>
        <translation>&amp;Dovoli strežnik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="67" />
        <source>Let imports fetch evidence from the selected host without asking.</source>
        <translation>Uvozom dovoli prenašanje dokazov z izbranega strežnika brez vprašanja.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="69" />
        <source>&amp;Never this host</source>
        <translation>&amp;Nikoli ta strežnik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="70" />
        <source>Never fetch evidence from the selected host on import.</source>
        <translation>Ob uvozu nikoli ne prenašaj dokazov z izbranega strežnika.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="72" />
        <source>&amp;Forget answer</source>
        <translation>Po&amp;zabi odgovor</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="73" />
        <source>Forget your answer for the selected host; the wallet asks again.</source>
        <translation>Pozabi svoj odgovor za izbrani strežnik; denarnica bo spet vprašala.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="84" />
        <source>Contacted hosts:</source>
        <translation>Strežniki, s katerimi je bil vzpostavljen stik:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="107" />
        <source>allowed</source>
        <translation>dovoljeno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="107" />
        <source>never</source>
        <translation>nikoli</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="127" />
        <source>Saved.</source>
        <translation>Shranjeno.</translation>
    </message>
</context>
<context>
    <name>OpenPage</name>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="58" />
        <source>Unlock your wallet</source>
        <translation>Odklenite svojo denarnico</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="69" />
        <location filename="../../wallet/ui/screens/unlock.py" line="70" />
        <source>Passphrase</source>
        <translation>Geslo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="69" />
        <source>The passphrase of this wallet</source>
        <translation>Geslo te denarnice</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="72" />
        <source>&amp;Unlock</source>
        <translation>&amp;Odkleni</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="74" />
        <source>Open the wallet with this passphrase</source>
        <translation>Odpri denarnico s tem geslom</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="77" />
        <source>Unlocking… (deriving the key takes a moment)</source>
        <translation>Odklepanje … (izpeljava ključa traja nekaj trenutkov)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="91" />
        <source>Wallet file: %1</source>
        <translation>Datoteka denarnice: %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="96" />
        <source>Enter your passphrase.</source>
        <translation>Vnesite geslo.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="32" />
        <source>Change passphrase</source>
        <translation>Sprememba gesla</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="35" />
        <source>Current passphrase</source>
        <translation>Trenutno geslo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="35" />
        <source>The passphrase the wallet opens with now</source>
        <translation>Geslo, s katerim se denarnica odpre zdaj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="38" />
        <source>New passphrase</source>
        <translation>Novo geslo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="38" />
        <source>At least 8 characters; a few words are easy to remember</source>
        <translation>Vsaj 8 znakov; nekaj besed si je lahko zapomniti</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="41" />
        <source>Repeat the new passphrase</source>
        <translation>Ponovite novo geslo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="41" />
        <source>Type the new passphrase again</source>
        <translation>Znova vpišite novo geslo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="45" />
        <source>C&amp;urrent passphrase:</source>
        <translation>&amp;Trenutno geslo:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="46" />
        <source>&amp;New passphrase:</source>
        <translation>&amp;Novo geslo:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="47" />
        <source>&amp;Repeat:</source>
        <translation>&amp;Ponovitev:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="52" />
        <source>The wallet is re-encrypted with a key from the new passphrase.</source>
        <translation>Denarnica se ponovno šifrira s ključem iz novega gesla.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="64" />
        <source>Enter the current passphrase.</source>
        <translation>Vpišite trenutno geslo.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="68" />
        <source>Use at least %1 characters.</source>
        <translation>Uporabite vsaj %1 znakov.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="72" />
        <source>The two passphrases differ.</source>
        <translation>Gesli se razlikujeta.</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="51" />
        <source>Paste a credential or a link</source>
        <translation>Prilepite dokazilo ali povezavo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="54" />
        <source>Credential text or link</source>
        <translation>Besedilo dokazila ali povezava</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="55" />
        <location filename="../../wallet/ui/screens/import_dialog.py" line="56" />
        <source>Paste JSON, a JWT or a wallet link here</source>
        <translation>Sem prilepite JSON, JWT ali povezavo denarnice</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="62" />
        <source>The text is checked and nothing is stored until you import it.</source>
        <translation>Besedilo se preveri; nič se ne shrani, dokler ga ne uvozite.</translation>
    </message>
</context>
<context>
    <name>PresentDialog</name>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="55" />
        <source>Present credentials to a verifier</source>
        <translation>Predloži dokazila preveritelju</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="61" />
        <source>Request link</source>
        <translation>Povezava do zahteve</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="61" />
        <source>The request link or text the verifier gave you</source>
        <translation>Povezava ali besedilo zahteve, ki vam ga je dal preveritelj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="63" />
        <source>Open a &amp;QR image or screenshot…</source>
        <translation>Odpri sliko &amp;QR ali posnetek zaslona …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="63" />
        <source>Open a QR image or screenshot</source>
        <translation>Odpri sliko QR ali posnetek zaslona</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="64" />
        <source>Read the request from a QR code image, a screenshot or a file</source>
        <translation>Preberi zahtevo iz slike kode QR, posnetka zaslona ali datoteke</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="65" />
        <source>Read the request and show who asks for what</source>
        <translation>Preberi zahtevo in pokaži, kdo kaj zahteva</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="59" />
        <source>Paste the request link the verifier gave you (or open the QR code it showed). You will see who asks for what before anything is sent.</source>
        <translation>Prilepite povezavo do zahteve, ki vam jo je dal preveritelj (ali odprite kodo QR, ki jo je prikazal). Preden bo kar koli poslano, boste videli, kdo kaj zahteva.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="101" />
        <source>Credentials asked for</source>
        <translation>Zahtevana dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="107" />
        <source>&amp;Send</source>
        <translation>&amp;Pošlji</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="108" />
        <source>&amp;Decline</source>
        <translation>&amp;Zavrni</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="109" />
        <source>Send</source>
        <translation>Pošlji</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="109" />
        <source>Send the chosen credentials, showing only what is asked for</source>
        <translation>Pošlji izbrana dokazila in pokaži le, kar je zahtevano</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="110" />
        <source>Decline</source>
        <translation>Zavrni</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="110" />
        <source>Refuse the request: nothing is sent</source>
        <translation>Zavrni zahtevo: nič ne bo poslano</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="67" />
        <source>Working</source>
        <translation>Delo poteka</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="72" />
        <source>&amp;Open this address in the browser</source>
        <translation>&amp;Odpri ta naslov v brskalniku</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="73" />
        <source>Open this address in the browser</source>
        <translation>Odpri ta naslov v brskalniku</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="74" />
        <source>Continue at the address the verifier returned, in your web browser</source>
        <translation>Nadaljuj na naslovu, ki ga je vrnil preveritelj, v spletnem brskalniku</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="123" />
        <source>Open a request (QR image or file)</source>
        <translation>Odpri zahtevo (slika QR ali datoteka)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="124" />
        <source>Requests (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.txt);;All files (*)</source>
        <translation>Zahteve (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.txt);;Vse datoteke (*)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="132" />
        <source>Reading the request and checking who sent it…</source>
        <translation>Branje zahteve in preverjanje, kdo jo je poslal …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="140" />
        <source>Nothing was sent.</source>
        <translation>Nič ni bilo poslano.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="147" />
        <source>%1 asks for credentials</source>
        <translation>%1 zahteva dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="150" />
        <source>It calls itself “%1” (not verified).</source>
        <translation>Imenuje se »%1« (ni preverjeno).</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="152" />
        <source>No authority the wallet trusts vouches for who this verifier is.</source>
        <translation>Nobena ustanova, ki ji denarnica zaupa, ne jamči, kdo je ta preveritelj.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="154" />
        <source>The answer goes to %1.</source>
        <translation>Odgovor bo poslan na %1.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="156" />
        <source>It is encrypted so that only the verifier can read it.</source>
        <translation>Šifriran je tako, da ga lahko prebere le preveritelj.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="177" />
        <source>Asked for: %1</source>
        <translation>Zahtevano: %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="189" />
        <source>%1 (%2) — shows: %3</source>
        <translation>%1 (%2) – pokaže: %3</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="195" />
        <source>Do not send any</source>
        <translation>Ne pošlji nobenega</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="224" />
        <source>Sending to the verifier…</source>
        <translation>Pošiljanje preveritelju …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="244" />
        <source>everything in the credential</source>
        <translation>vse v dokazilu</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="245" />
        <source>Sent: %1 — it showed: %2</source>
        <translation>Poslano: %1 – pokazalo je: %2</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/present_dialog.py" line="251" />
        <source>The verifier asks you to continue at %1</source>
        <translation>Preveritelj vas prosi, da nadaljujete na %1</translation>
    </message>
</context>
<context>
    <name>PresentationsDialog</name>
    <message>
        <location filename="../../wallet/ui/screens/presentations_dialog.py" line="32" />
        <source>Presented to verifiers</source>
        <translation>Predloženo preveriteljem</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/presentations_dialog.py" line="33" />
        <source>Nothing has been presented to a verifier yet.</source>
        <translation>Preveritelju še ni bilo nič predloženo.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/presentations_dialog.py" line="35" />
        <source>Presentation history</source>
        <translation>Zgodovina predložitev</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/presentations_dialog.py" line="36" />
        <source>Every answer you sent to a verifier: when, to whom, what it showed and whether it was accepted</source>
        <translation>Vsi odgovori, ki ste jih poslali preveriteljem: kdaj, komu, kaj so pokazali in ali so bili sprejeti</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/presentations_dialog.py" line="37" />
        <source>When</source>
        <translation>Kdaj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/presentations_dialog.py" line="37" />
        <source>Verifier</source>
        <translation>Preveritelj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/presentations_dialog.py" line="37" />
        <source>Outcome</source>
        <translation>Izid</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/presentations_dialog.py" line="60" />
        <source>being sent</source>
        <translation>v pošiljanju</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/presentations_dialog.py" line="60" />
        <source>accepted</source>
        <translation>sprejeto</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/presentations_dialog.py" line="61" />
        <source>not accepted</source>
        <translation>ni sprejeto</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/presentations_dialog.py" line="61" />
        <source>not delivered</source>
        <translation>ni dostavljeno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/presentations_dialog.py" line="69" />
        <source>%1 (verified)</source>
        <translation>%1 (preverjeno)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/presentations_dialog.py" line="69" />
        <source>%1 (unverified)</source>
        <translation>%1 (ni preverjeno)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/presentations_dialog.py" line="71" />
        <source> — calls itself “%1”</source>
        <translation> – imenuje se »%1«</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/presentations_dialog.py" line="76" />
        <source>everything in the credential</source>
        <translation>vse v dokazilu</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/presentations_dialog.py" line="77" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="58" />
        <source>&amp;Select All</source>
        <translation>&amp;Izberi vse</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="59" />
        <source>&amp;Step up</source>
        <translation>&amp;Povečaj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="60" />
        <source>Step &amp;down</source>
        <translation>Z&amp;manjšaj</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="42" />
        <source>&amp;Undo</source>
        <translation>&amp;Razveljavi</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="43" />
        <source>&amp;Redo</source>
        <translation>&amp;Uveljavi</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="44" />
        <source>Cu&amp;t</source>
        <translation>&amp;Izreži</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="45" />
        <source>&amp;Copy</source>
        <translation>&amp;Kopiraj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="46" />
        <source>&amp;Paste</source>
        <translation>&amp;Prilepi</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="47" />
        <source>Delete</source>
        <translation>Izbriši</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="48" />
        <source>Select All</source>
        <translation>Izberi vse</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="39" />
        <source>Show Details...</source>
        <translation>Pokaži podrobnosti ...</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="40" />
        <source>Hide Details...</source>
        <translation>Skrij podrobnosti ...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="20" />
        <source>OK</source>
        <translation>V redu</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="21" />
        <source>Save</source>
        <translation>Shrani</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="22" />
        <source>Save All</source>
        <translation>Shrani vse</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="23" />
        <source>Open</source>
        <translation>Odpri</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="24" />
        <source>&amp;Yes</source>
        <translation>&amp;Da</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="25" />
        <source>Yes to &amp;All</source>
        <translation>Da za &amp;vse</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="26" />
        <source>&amp;No</source>
        <translation>&amp;Ne</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="27" />
        <source>N&amp;o to All</source>
        <translation>N&amp;e za vse</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="28" />
        <source>Abort</source>
        <translation>Prekini</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="29" />
        <source>Retry</source>
        <translation>Poskusi znova</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="30" />
        <source>Ignore</source>
        <translation>Prezri</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="31" />
        <source>Close</source>
        <translation>Zapri</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="32" />
        <source>Cancel</source>
        <translation>Prekliči</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="33" />
        <source>Discard</source>
        <translation>Zavrzi</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="34" />
        <source>Help</source>
        <translation>Pomoč</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="35" />
        <source>Apply</source>
        <translation>Uveljavi</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="36" />
        <source>Reset</source>
        <translation>Ponastavi</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="37" />
        <source>Restore Defaults</source>
        <translation>Obnovi privzete</translation>
    </message>
</context>
<context>
    <name>QToolBar</name>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="62" />
        <source>Main</source>
        <translation>Glavna</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="49" />
        <source>&amp;Undo</source>
        <translation>&amp;Razveljavi</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="50" />
        <source>&amp;Redo</source>
        <translation>&amp;Uveljavi</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="51" />
        <source>Cu&amp;t</source>
        <translation>&amp;Izreži</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="52" />
        <source>&amp;Copy</source>
        <translation>&amp;Kopiraj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="53" />
        <source>Copy &amp;Link Location</source>
        <translation>Kopiraj &amp;naslov povezave</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="54" />
        <source>&amp;Paste</source>
        <translation>&amp;Prilepi</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="55" />
        <source>Delete</source>
        <translation>Izbriši</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/qt_strings.py" line="56" />
        <source>Select All</source>
        <translation>Izberi vse</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="67" />
        <source>Receive credentials from an issuer</source>
        <translation>Prejmi dokazila od izdajatelja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="79" />
        <source>Offer link</source>
        <translation>Povezava do ponudbe</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="79" />
        <source>The offer link or text the issuer gave you</source>
        <translation>Povezava ali besedilo ponudbe, ki vam ga je dal izdajatelj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="81" />
        <source>Open a &amp;QR image or file…</source>
        <translation>Odpri &amp;sliko QR ali datoteko …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="81" />
        <source>Open a QR image or file</source>
        <translation>Odpri sliko QR ali datoteko</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="82" />
        <source>Read the offer from a QR code image or a file</source>
        <translation>Preberi ponudbo iz slike kode QR ali datoteke</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="71" />
        <source>Collect &amp;waiting credentials</source>
        <translation>Prevzemi č&amp;akajoča dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="72" />
        <source>Ask the issuers again for credentials they were still preparing</source>
        <translation>Znova vprašaj izdajatelje za dokazila, ki so jih še pripravljali</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="73" />
        <source>Collect waiting credentials</source>
        <translation>Prevzemi čakajoča dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="83" />
        <source>Read the offer and show what it contains</source>
        <translation>Preberi ponudbo in pokaži, kaj vsebuje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="77" />
        <source>Paste the offer link the issuer gave you (or open the QR code it showed). You will see who offers what before anything is stored.</source>
        <translation>Prilepite povezavo do ponudbe, ki vam jo je dal izdajatelj (ali odprite kodo QR, ki jo je pokazal). Preden se karkoli shrani, boste videli, kdo ponuja kaj.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="125" />
        <source>Credentials offered</source>
        <translation>Ponujena dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="129" />
        <source>Transaction code</source>
        <translation>Transakcijska koda</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="129" />
        <source>The code the issuer sent you separately</source>
        <translation>Koda, ki vam jo je izdajatelj poslal posebej</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="137" />
        <source>&amp;Accept and store</source>
        <translation>&amp;Sprejmi in shrani</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="138" />
        <source>&amp;Decline</source>
        <translation>&amp;Zavrni</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="139" />
        <source>Accept and store</source>
        <translation>Sprejmi in shrani</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="139" />
        <source>Store the offered credentials in your wallet</source>
        <translation>Shrani ponujena dokazila v denarnico</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="140" />
        <source>Decline</source>
        <translation>Zavrni</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="140" />
        <source>Refuse the offer: nothing is stored</source>
        <translation>Zavrni ponudbo: nič ne bo shranjeno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="149" />
        <source>What happens if you accept:</source>
        <translation>Kaj se zgodi, če sprejmete:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="89" />
        <source>Receiving</source>
        <translation>Prejemanje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="86" />
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="87" />
        <source>Cancel</source>
        <translation>Prekliči</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="87" />
        <source>Stop receiving: nothing more is stored</source>
        <translation>Ustavi prejemanje: nič več ne bo shranjeno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="158" />
        <source>Open an offer (QR image or file)</source>
        <translation>Odpri ponudbo (sliko QR ali datoteko)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="159" />
        <source>Offers (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.txt *.json);;All files (*)</source>
        <translation>Ponudbe (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.txt *.json);;Vse datoteke (*)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="167" />
        <source>Reading the offer and asking the issuer who it is…</source>
        <translation>Branje ponudbe in poizvedba pri izdajatelju, kdo je …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="178" />
        <source>Asking the issuers again…</source>
        <translation>Ponovno spraševanje izdajateljev …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="196" />
        <source>%1 offers you:</source>
        <translation>%1 vam ponuja:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="217" />
        <source>digits</source>
        <translation>števke</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="217" />
        <source>letters and digits</source>
        <translation>črke in števke</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="218" />
        <source>Transaction code (%1):</source>
        <translation>Transakcijska koda (%1):</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="220" />
        <source>Transaction code (%1, %2 characters):</source>
        <translation>Transakcijska koda (%1, znakov: %2):</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="268" />
        <source>The code does not have the form the issuer described.</source>
        <translation>Koda nima oblike, ki jo je opisal izdajatelj.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="275" />
        <source>Starting…</source>
        <translation>Začenjam …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="291" />
        <source>Cancelling…</source>
        <translation>Preklicujem …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="305" />
        <source>Nothing was stored.</source>
        <translation>Nič ni shranjeno.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="312" />
        <source>Stored</source>
        <translation>Shranjeno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="312" />
        <source>Already in the wallet</source>
        <translation>Že v denarnici</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="313" />
        <source>Refused</source>
        <translation>Zavrnjeno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="313" />
        <source>Waiting for the issuer</source>
        <translation>Čaka na izdajatelja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="314" />
        <source>Not received</source>
        <translation>Ni prejeto</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="314" />
        <source>Cannot be received</source>
        <translation>Ni mogoče prejeti</translation>
    </message>
</context>
<context>
    <name>ReceivedPage</name>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="62" />
        <source>Check a bundle of credentials someone shared with you. Nothing is stored in your wallet and nothing is sent anywhere.</source>
        <translation>Preverite paket dokazil, ki vam ga je nekdo poslal. V denarnico se nič ne shrani in nič se nikamor ne pošlje.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="68" />
        <source>Link or bundle text</source>
        <translation>Povezava ali besedilo paketa</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="68" />
        <source>Paste a share link or the bundle's JSON</source>
        <translation>Prilepite povezavo za deljenje ali JSON paketa</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="69" />
        <source>Paste a share link or the bundle's JSON here</source>
        <translation>Sem prilepite povezavo za deljenje ali JSON paketa</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="72" />
        <source>Challenge you gave</source>
        <translation>Izziv, ki ste ga dali</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="73" />
        <source>The code you asked the person to use, if you gave one</source>
        <translation>Koda, ki ste jo osebi dali za uporabo, če ste jo dali</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="75" />
        <source>Your domain</source>
        <translation>Vaša domena</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="75" />
        <source>Your web address, if you asked for the bundle to name it</source>
        <translation>Vaš spletni naslov, če ste zahtevali, da ga paket navede</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="78" />
        <source>Challenge you &amp;gave:</source>
        <translation>&amp;Izziv, ki ste ga dali:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="79" />
        <source>Your do&amp;main:</source>
        <translation>Vaša do&amp;mena:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="80" />
        <source>Chec&amp;k pasted text</source>
        <translation>Pre&amp;veri prilepljeno besedilo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="82" />
        <source>Open &amp;file…</source>
        <translation>Odpri &amp;datoteko …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="84" />
        <source>Open QR &amp;image…</source>
        <translation>Odpri &amp;sliko QR …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="86" />
        <source>Check the link or bundle pasted above</source>
        <translation>Preveri povezavo ali paket, prilepljen zgoraj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="87" />
        <source>Check a bundle file (.vp.json)</source>
        <translation>Preveri datoteko paketa (.vp.json)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="88" />
        <source>Check a photo or scan of a QR code</source>
        <translation>Preveri fotografijo ali sken kode QR</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="93" />
        <source>Reading QR images needs the zxing-cpp package, which is not installed.</source>
        <translation>Za branje slik QR je potreben paket zxing-cpp, ki ni nameščen.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="102" />
        <source>Result of the check</source>
        <translation>Izid preverjanja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="104" />
        <source>What the check found</source>
        <translation>Kaj je pokazalo preverjanje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="105" />
        <source>The headline's reasons, then each credential in plain words</source>
        <translation>Razlogi za izid, nato vsako dokazilo z razumljivimi besedami</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="107" />
        <source>&amp;Technical details</source>
        <translation>&amp;Tehnične podrobnosti</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="111" />
        <source>Show every check of the presentation and its details</source>
        <translation>Prikaži vsa preverjanja predstavitve in njihove podrobnosti</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="217" />
        <source>Technical details</source>
        <translation>Tehnične podrobnosti</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="176" />
        <source>This could not be checked.</source>
        <translation>Tega ni bilo mogoče preveriti.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="126" />
        <source>Not available: this version of the wallet core cannot check bundles.</source>
        <translation>Ni na voljo: ta različica jedra denarnice ne zna preverjati paketov.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="139" />
        <source>Paste a link or a bundle first.</source>
        <translation>Najprej prilepite povezavo ali paket.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="144" />
        <source>Open a bundle</source>
        <translation>Odprite paket</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="144" />
        <source>Bundles (*.vp.json *.json *.txt);;All files (*)</source>
        <translation>Svežnji (*.vp.json *.json *.txt);;Vse datoteke (*)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="155" />
        <source>Open a QR code image</source>
        <translation>Odprite sliko kode QR</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="156" />
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;All files (*)</source>
        <translation>Slike (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;Vse datoteke (*)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="166" />
        <source>Checking…</source>
        <translation>Preverjanje …</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../wallet/ui/session.py" line="173" />
        <source>The wallet is locked.</source>
        <translation>Denarnica je zaklenjena.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="53" />
        <source>Settings</source>
        <translation>Nastavitve</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="55" />
        <source>Language of the application</source>
        <translation>Jezik programa</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="56" />
        <source>The language of menus and messages; it changes at once</source>
        <translation>Jezik menijev in sporočil; spremeni se takoj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="57" />
        <source>As the system</source>
        <translation>Kot v sistemu</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="76" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="77" />
        <source>never</source>
        <translation>nikoli</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="79" />
        <source>Lock after minutes without use</source>
        <translation>Zakleni po toliko minutah neuporabe</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="82" />
        <source>Default expiry of shared bundles</source>
        <translation>Privzeta veljavnost deljenih paketov</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="91" />
        <source>Application &amp;language:</source>
        <translation>&amp;Jezik programa:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="67" />
        <source>First language of credential text</source>
        <translation>Prvi jezik besedila dokazil</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="68" />
        <source>Credentials are shown in this language when they have it</source>
        <translation>Dokazila so prikazana v tem jeziku, kadar ga imajo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="71" />
        <source>Second language of credential text</source>
        <translation>Drugi jezik besedila dokazil</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="72" />
        <source>Used when a credential does not have the first language</source>
        <translation>Uporabi se, ko dokazilo nima prvega jezika</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="73" />
        <source>(none)</source>
        <translation>(brez)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="80" />
        <source>The wallet locks itself after this many minutes without keyboard or mouse use</source>
        <translation>Denarnica se sama zaklene po toliko minutah brez uporabe tipkovnice ali miške</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="83" />
        <source>How long a recipient can accept a bundle you share</source>
        <translation>Kako dolgo lahko prejemnik sprejme paket, ki ga delite</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="92" />
        <source>&amp;Credential text in:</source>
        <translation>&amp;Besedilo dokazil v:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="93" />
        <source>&amp;Otherwise in:</source>
        <translation>&amp;Sicer v:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="94" />
        <source>&amp;Lock after:</source>
        <translation>&amp;Zakleni po:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="95" />
        <source>Shared bundles &amp;expire after:</source>
        <translation>Deljeni paketi &amp;potečejo po:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="98" />
        <source>Identifier (DID or URL)</source>
        <translation>Identifikator (DID ali URL)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="100" />
        <source>Trusted issuers</source>
        <translation>Zaupanja vredni izdajatelji</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="101" />
        <source>&amp;Add issuer…</source>
        <translation>&amp;Dodaj izdajatelja …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="103" />
        <source>Add issuer</source>
        <translation>Dodaj izdajatelja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="103" />
        <source>Trust an issuer by its identifier or web address</source>
        <translation>Zaupaj izdajatelju po njegovi oznaki ali spletnem naslovu</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="104" />
        <source>&amp;Remove issuer</source>
        <translation>&amp;Odstrani izdajatelja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="106" />
        <source>Remove issuer</source>
        <translation>Odstrani izdajatelja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="106" />
        <source>Stop trusting the selected issuer</source>
        <translation>Prenehaj zaupati izbranemu izdajatelju</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="107" />
        <source>Credentials from these issuers are marked as from someone you trust.</source>
        <translation>Dokazila teh izdajateljev so označena kot dokazila nekoga, ki mu zaupate.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="110" />
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="112" />
        <source>Trust anchors</source>
        <translation>Sidra zaupanja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="113" />
        <source>Add &amp;certificate…</source>
        <translation>Dodaj &amp;potrdilo …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="115" />
        <source>Add certificate</source>
        <translation>Dodaj potrdilo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="115" />
        <source>Trust a root certificate for sealed EU credentials</source>
        <translation>Zaupaj korenskemu potrdilu za zapečatena dokazila EU</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="116" />
        <source>Re&amp;move certificate</source>
        <translation>Od&amp;strani potrdilo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="118" />
        <source>Remove certificate</source>
        <translation>Odstrani potrdilo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="118" />
        <source>Stop trusting the selected certificate</source>
        <translation>Prenehaj zaupati izbranemu potrdilu</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="119" />
        <source>Root certificates trusted for sealed European Digital Credentials.</source>
        <translation>Korenska potrdila, ki jim zaupate pri zapečatenih evropskih digitalnih dokazilih.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="122" />
        <source>About this wallet file</source>
        <translation>O tej datoteki denarnice</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="123" />
        <source>Where the wallet is, how it is protected, what it holds</source>
        <translation>Kje je denarnica, kako je zaščitena in kaj vsebuje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="130" />
        <source>&amp;General</source>
        <translation>&amp;Splošno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="131" />
        <source>Trusted &amp;issuers</source>
        <translation>Zaupanja vredni &amp;izdajatelji</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="132" />
        <source>Trust &amp;anchors</source>
        <translation>Sidra &amp;zaupanja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="133" />
        <source>&amp;Wallet</source>
        <translation>&amp;Denarnica</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="135" />
        <source>&amp;Online</source>
        <translation>Sp&amp;let</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="186" />
        <source>Wallet file</source>
        <translation>Datoteka denarnice</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="187" />
        <source>Credentials</source>
        <translation>Dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="188" />
        <source>Protection</source>
        <translation>Zaščita</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="188" />
        <source>encrypted with a key from your passphrase (Argon2id, %1 MiB, %2 passes)</source>
        <translation>šifrirano s ključem iz vašega gesla (Argon2id, %1 MiB, %2 prehodov)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="191" />
        <source>Your wallet's identifier (technical)</source>
        <translation>Oznaka vaše denarnice (tehnično)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="192" />
        <source>Storage version</source>
        <translation>Različica shrambe</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="204" />
        <source>Saved. Use Edit ▸ Verify again to update the reports.</source>
        <translation>Shranjeno. Za posodobitev poročil uporabite Urejanje ▸ Ponovno preveri.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="216" />
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="219" />
        <source>Trust an issuer</source>
        <translation>Zaupaj izdajatelju</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="216" />
        <source>The issuer's DID or web address:</source>
        <translation>DID ali spletni naslov izdajatelja:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="219" />
        <source>A name for this issuer:</source>
        <translation>Ime tega izdajatelja:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="229" />
        <source>Choose a root certificate</source>
        <translation>Izberite korensko potrdilo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="230" />
        <source>Certificates (*.cer *.crt *.der *.pem);;All files (*)</source>
        <translation>Potrdila (*.cer *.crt *.der *.pem);;Vse datoteke (*)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="233" />
        <source>Trust a certificate</source>
        <translation>Zaupaj potrdilu</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="233" />
        <source>A name for this certificate:</source>
        <translation>Ime tega potrdila:</translation>
    </message>
</context>
<context>
    <name>SharePage</name>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="120" />
        <source>Credentials to share</source>
        <translation>Dokazila za deljenje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="121" />
        <source>Tick the credentials to put in the bundle; Space ticks the current one</source>
        <translation>Označite dokazila za paket; preslednica označi trenutno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="127" />
        <source>Select &amp;all</source>
        <translation>Izberi &amp;vse</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="129" />
        <source>Select all</source>
        <translation>Izberi vse</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="129" />
        <source>Tick every credential</source>
        <translation>Označi vsa dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="130" />
        <source>Select &amp;none</source>
        <translation>Izberi &amp;nič</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="148" />
        <source>Challenge</source>
        <translation>Izziv</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="149" />
        <source>the code the recipient gave you, if any</source>
        <translation>koda, ki vam jo je dal prejemnik, če vam jo je</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="153" />
        <source>e.g. jobs.example.com, if the recipient gave one</source>
        <translation>npr. zaposlitev.example.com, če jo je prejemnik navedel</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="155" />
        <source>Expiry</source>
        <translation>Veljavnost</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="132" />
        <source>Select none</source>
        <translation>Ne izberi nobenega</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="132" />
        <source>Untick every credential</source>
        <translation>Odznači vsa dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="136" />
        <source>&amp;Choose the credentials to share:</source>
        <translation>Iz&amp;berite dokazila za deljenje:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="148" />
        <source>The code the recipient gave you, if any</source>
        <translation>Koda, ki vam jo je dal prejemnik, če vam jo je</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="151" />
        <source>Recipient's web address</source>
        <translation>Spletni naslov prejemnika</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="152" />
        <source>The recipient's domain, e.g. jobs.example.com, if they gave one</source>
        <translation>Domena prejemnika, npr. zaposlitve.example.com, če jo je dal</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="155" />
        <source>How long the recipient can accept the bundle</source>
        <translation>Kako dolgo lahko prejemnik sprejme paket</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="158" />
        <source>Languages of the PDF and Europass XML</source>
        <translation>Jeziki PDF in Europass XML</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="159" />
        <source>One language, or two side by side</source>
        <translation>En jezik ali dva vzporedno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="161" />
        <source>Old Europass format (SkillsPassport v3.3)</source>
        <translation>Stara oblika Europass (SkillsPassport v3.3)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="162" />
        <source>For Europass tools that do not read the 2020 format</source>
        <translation>Za orodja Europass, ki ne berejo oblike iz leta 2020</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="170" />
        <source>C&amp;hallenge:</source>
        <translation>&amp;Izziv:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="171" />
        <source>&amp;Domain:</source>
        <translation>&amp;Domena:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="172" />
        <source>&amp;Expires after:</source>
        <translation>&amp;Poteče po:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="173" />
        <source>&amp;Languages:</source>
        <translation>&amp;Jeziki:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="176" />
        <source>Save signed &amp;bundle…</source>
        <translation>Shrani podpisan &amp;paket …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="178" />
        <source>Copy &amp;link</source>
        <translation>Kopiraj &amp;povezavo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="180" />
        <source>Show &amp;QR code</source>
        <translation>Prikaži kodo &amp;QR</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="182" />
        <source>Save QR &amp;image…</source>
        <translation>Shrani &amp;sliko QR …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="184" />
        <source>&amp;Europass CV XML…</source>
        <translation>&amp;Europass CV XML …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="186" />
        <source>Printable &amp;PDF…</source>
        <translation>&amp;PDF za tiskanje …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="188" />
        <source>A signed file the recipient can check</source>
        <translation>Podpisana datoteka, ki jo prejemnik lahko preveri</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="189" />
        <source>A link with the whole bundle inside, on the clipboard</source>
        <translation>Povezava s celotnim paketom v njej, v odložišču</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="190" />
        <source>A QR code of the link, to show or print</source>
        <translation>Koda QR povezave za prikaz ali tisk</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="191" />
        <source>Save the QR code shown as a PNG image</source>
        <translation>Shrani prikazano kodo QR kot sliko PNG</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="192" />
        <source>Entries for your Europass CV</source>
        <translation>Vnosi za vaš življenjepis Europass</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="193" />
        <source>A printable document with a QR code</source>
        <translation>Dokument za tiskanje s kodo QR</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="205" />
        <source>QR code preview</source>
        <translation>Predogled kode QR</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="205" />
        <source>The QR code of the share link</source>
        <translation>Koda QR povezave za deljenje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="232" />
        <source>Not available: this version of the wallet core has no %1.</source>
        <translation>Ni na voljo: ta različica jedra denarnice nima modula %1.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="265" />
        <source>(untitled credential)</source>
        <translation>(dokazilo brez naziva)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="302" />
        <source>The choice changed: make the QR code again.</source>
        <translation>Izbira se je spremenila: znova naredite kodo QR.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="342" />
        <source>Some of the chosen credentials are not in force:</source>
        <translation>Nekatera izbrana dokazila ne veljajo:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="343" />
        <source>Share them anyway?</source>
        <translation>Jih vseeno delim?</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="344" />
        <source>Share</source>
        <translation>Deli</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="345" />
        <source>Nothing was shared.</source>
        <translation>Nič ni bilo deljeno.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="347" />
        <source>Signing the bundle…</source>
        <translation>Podpisovanje paketa …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="359" />
        <source>Accepted until %1.</source>
        <translation>Sprejema se do %1.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="362" />
        <source>Save the signed bundle</source>
        <translation>Shrani podpisan paket</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="363" />
        <source>Bundles (*.vp.json *.json)</source>
        <translation>Svežnji (*.vp.json *.json)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="366" />
        <source>Saved a signed bundle of %1 credential(s) to %2.</source>
        <translation>Podpisan paket s toliko dokazili: %1 je shranjen v %2.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="372" />
        <source>The link (%1 characters) is on the clipboard.</source>
        <translation>Povezava (%1 znakov) je v odložišču.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="383" />
        <source>Scan this QR code with the wallet, or save it as an image.</source>
        <translation>Kodo QR skenirajte z denarnico ali jo shranite kot sliko.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="395" />
        <source>Save the QR code</source>
        <translation>Shrani kodo QR</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="395" />
        <source>PNG images (*.png)</source>
        <translation>Slike PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="400" />
        <source>Saved the QR code to %1.</source>
        <translation>Koda QR je shranjena v %1.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="404" />
        <source>Save the printable bundle</source>
        <translation>Shrani paket za tiskanje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="405" />
        <source>PDF files (*.pdf)</source>
        <translation>Datoteke PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="408" />
        <source>Saved the printable bundle to %1.</source>
        <translation>Sveženj za tiskanje je shranjen v %1.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="411" />
        <source>Save Europass CV XML</source>
        <translation>Shrani Europass CV XML</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="411" />
        <source>XML files (*.xml)</source>
        <translation>Datoteke XML (*.xml)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="419" />
        <source>Saved %1 credential(s) as Europass CV XML to %2.</source>
        <translation>Dokazila (%1) so shranjena kot Europass CV XML v %2.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="422" />
        <source>Left out %1: %2</source>
        <translation>Izpuščeno %1: %2</translation>
    </message>
</context>
<context>
    <name>SharedLinksDialog</name>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="130" />
        <source>My shared links</source>
        <translation>Moje deljene povezave</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="134" />
        <source>Shared links</source>
        <translation>Deljene povezave</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="135" />
        <source>Each hosted link you made: when, until when, how many credentials, and whether it still works</source>
        <translation>Vsaka gostujoča povezava, ki ste jo naredili: kdaj, do kdaj, koliko dokazil in ali še deluje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="136" />
        <source>Made</source>
        <translation>Narejeno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="136" />
        <source>Works until</source>
        <translation>Deluje do</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="136" />
        <source>Credentials</source>
        <translation>Dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="137" />
        <source>State</source>
        <translation>Stanje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="142" />
        <source>&amp;Copy link</source>
        <translation>&amp;Kopiraj povezavo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="143" />
        <source>Copy link</source>
        <translation>Kopiraj povezavo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="143" />
        <source>Put the selected link on the clipboard</source>
        <translation>Izbrano povezavo postavi v odložišče</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="145" />
        <source>&amp;Delete on the service</source>
        <translation>&amp;Izbriši v storitvi</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="146" />
        <location filename="../../wallet/ui/screens/hosted_links.py" line="196" />
        <source>Delete on the service</source>
        <translation>Izbriši v storitvi</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="147" />
        <source>Delete the selected link on the share service for good; it stops working at once</source>
        <translation>Izbrano povezavo dokončno izbriši v storitvi za deljenje; takoj preneha delovati</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="171" />
        <source>deleted</source>
        <translation>izbrisano</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="171" />
        <source>expired</source>
        <translation>poteklo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="172" />
        <source>works</source>
        <translation>deluje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="172" />
        <source>once</source>
        <translation>enkrat</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="180" />
        <source>You have made no hosted links yet. Make one on the Share screen.</source>
        <translation>Gostujočih povezav še niste naredili. Naredite jo na zaslonu Deli.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="190" />
        <source>The link is on the clipboard.</source>
        <translation>Povezava je v odložišču.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="197" />
        <source>Delete this link on the share service? Whoever has it can no longer open it. This cannot be undone.</source>
        <translation>Izbrišem to povezavo v storitvi za deljenje? Kdor jo ima, je ne bo mogel več odpreti. Tega ni mogoče razveljaviti.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/hosted_links.py" line="205" />
        <source>Deleted.</source>
        <translation>Izbrisano.</translation>
    </message>
</context>
<context>
    <name>States</name>
    <message>
        <location filename="../../wallet/ui/states.py" line="66" />
        <source>Not verified yet</source>
        <translation>Še ni preverjeno</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <location filename="../../wallet/ui/models/targets.py" line="55" />
        <source>Target</source>
        <translation>Cilj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/targets.py" line="55" />
        <source>Progress</source>
        <translation>Napredek</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/targets.py" line="55" />
        <source>Requirements met</source>
        <translation>Izpolnjene zahteve</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/targets.py" line="55" />
        <source>Credits</source>
        <translation>Kreditne točke</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/targets.py" line="91" />
        <source>%1 percent complete</source>
        <translation>%1 odstotkov opravljeno</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="88" />
        <source>Target qualifications</source>
        <translation>Ciljne kvalifikacije</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="89" />
        <source>Each qualification you can work towards, with how far your credentials take you</source>
        <translation>Vsaka kvalifikacija, do katere lahko pridete, in kako daleč vas pripeljejo vaša dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="106" />
        <source>&amp;Add target from file…</source>
        <translation>&amp;Dodaj cilj iz datoteke …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="107" />
        <source>A target JSON file, or a European Digital Credential qualification</source>
        <translation>Datoteka JSON s ciljem ali kvalifikacija v obliki evropskega digitalnega dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="110" />
        <source>Re&amp;move target</source>
        <translation>Od&amp;strani cilj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="112" />
        <source>Remove a target you added (the targets that come with the wallet stay)</source>
        <translation>Odstrani cilj, ki ste ga dodali (cilji, priloženi denarnici, ostanejo)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="134" />
        <source>Breakdown of the target</source>
        <translation>Razčlenitev cilja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="135" />
        <source>Which credential fills which requirement, what is missing and why</source>
        <translation>Katero dokazilo izpolni katero zahtevo, kaj manjka in zakaj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="171" />
        <source>Calculating progress…</source>
        <translation>Izračun napredka …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="219" />
        <source>Choose a target to see what counts towards it.</source>
        <translation>Izberite cilj, da vidite, kaj šteje zanj.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="231" />
        <source>Choose a target file</source>
        <translation>Izberite datoteko s ciljem</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="232" />
        <source>Targets (*.json *.jsonld);;All files (*)</source>
        <translation>Cilji (*.json *.jsonld);;Vse datoteke (*)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="238" />
        <source>Added the target %1.</source>
        <translation>Cilj %1 je dodan.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="250" />
        <source>Remove target</source>
        <translation>Odstrani cilj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="251" />
        <source>Remove this target? Your credentials stay in the wallet.</source>
        <translation>Odstranim ta cilj? Vaša dokazila ostanejo v denarnici.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../wallet/ui/tasks.py" line="70" />
        <source>The backup could not be used: wrong passphrase, or the file is damaged or not a wallet backup.</source>
        <extracomment>Progress signals are throttled to this interval so a fast loop in a worker cannot flood the GUI thread's event queue.</extracomment>
        <translation>Varnostne kopije ni bilo mogoče uporabiti: napačno geslo ali pa je datoteka poškodovana ali ni varnostna kopija denarnice.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/tasks.py" line="72" />
        <source>Wrong passphrase, or the wallet file is damaged (the two look the same). Try again.</source>
        <translation>Napačno geslo ali pa je datoteka denarnice poškodovana (obojega ni mogoče ločiti). Poskusite znova.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/tasks.py" line="74" />
        <source>A wallet already exists there; it was left untouched.</source>
        <translation>Tam že obstaja denarnica; ostala je nedotaknjena.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/tasks.py" line="75" />
        <source>There is no wallet in that file.</source>
        <translation>V tej datoteki ni denarnice.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/tasks.py" line="76" />
        <source>This wallet was made by a newer version of the app; update the app.</source>
        <translation>To denarnico je naredila novejša različica programa; posodobite program.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/tasks.py" line="77" />
        <source>The wallet file is damaged and cannot be opened. Restore a backup.</source>
        <translation>Datoteka denarnice je poškodovana in je ni mogoče odpreti. Obnovite varnostno kopijo.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/tasks.py" line="78" />
        <source>Cancelled; nothing was changed.</source>
        <translation>Preklicano; nič ni bilo spremenjeno.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/tasks.py" line="79" />
        <source>The connection failed; nothing was changed.</source>
        <translation>Povezava ni uspela; nič ni bilo spremenjeno.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/tasks.py" line="84" />
        <source>This did not work: %1</source>
        <translation>To ni uspelo: %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/tasks.py" line="94" />
        <source>Something unexpected went wrong (%1). Nothing was changed; details are in the log.</source>
        <translation>Prišlo je do nepričakovane napake (%1). Nič ni bilo spremenjeno; podrobnosti so v dnevniku.</translation>
    </message>
</context>
<context>
    <name>TrustModel</name>
    <message>
        <location filename="../../wallet/ui/models/trust.py" line="35" />
        <source>Name</source>
        <translation>Ime</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="228" />
        <source>Learner wallet</source>
        <translation>Učna denarnica</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="229" />
        <source>&amp;Other wallet file…</source>
        <translation>&amp;Druga datoteka denarnice …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="230" />
        <source>Open or create a wallet in another file</source>
        <translation>Odpri ali ustvari denarnico v drugi datoteki</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="233" />
        <source>Restore from &amp;backup…</source>
        <translation>Obnovi iz &amp;varnostne kopije …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="235" />
        <source>Open a wallet backup file</source>
        <translation>Odpri datoteko z varnostno kopijo denarnice</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="236" />
        <source>Try the &amp;demo wallet</source>
        <translation>Preizkusi &amp;predstavitveno denarnico</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="237" />
        <source>A throw-away wallet with sample credentials</source>
        <translation>Začasna denarnica z vzorčnimi dokazili</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="240" />
        <source>Chec&amp;k a bundle someone sent you…</source>
        <translation>Preveri &amp;paket, ki vam ga je nekdo poslal …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="241" />
        <source>No wallet needed: verify a shared bundle, link or QR code</source>
        <translation>Denarnica ni potrebna: preverite deljeni paket, povezavo ali kodo QR</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="284" />
        <source>Open or create a wallet file</source>
        <translation>Odprite ali ustvarite datoteko denarnice</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="285" />
        <source>Wallet files (*.db);;All files (*)</source>
        <translation>Datoteke denarnice (*.db);;Vse datoteke (*)</translation>
    </message>
</context>
<context>
    <name>VaultActions</name>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="91" />
        <source>Changing the passphrase…</source>
        <translation>Spreminjanje gesla …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="95" />
        <location filename="../../wallet/ui/screens/vault_actions.py" line="100" />
        <source>Change passphrase</source>
        <translation>Sprememba gesla</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="96" />
        <source>The passphrase was changed. Use the new one from now on.</source>
        <translation>Geslo je spremenjeno. Odslej uporabljajte novo.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="109" />
        <location filename="../../wallet/ui/screens/vault_actions.py" line="117" />
        <location filename="../../wallet/ui/screens/vault_actions.py" line="122" />
        <source>Back up the wallet</source>
        <translation>Varnostna kopija denarnice</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="110" />
        <location filename="../../wallet/ui/screens/vault_actions.py" line="137" />
        <source>Wallet backups (*.lwbackup);;All files (*)</source>
        <translation>Varnostne kopije denarnice (*.lwbackup);;Vse datoteke (*)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="113" />
        <source>Writing the backup…</source>
        <translation>Zapisovanje varnostne kopije …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="117" />
        <source>The encrypted backup was written to %1. It opens with your current passphrase.</source>
        <translation>Šifrirana varnostna kopija je zapisana v %1. Odpre se z vašim trenutnim geslom.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="136" />
        <source>Choose a backup</source>
        <translation>Izberite varnostno kopijo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="140" />
        <location filename="../../wallet/ui/screens/vault_actions.py" line="149" />
        <location filename="../../wallet/ui/screens/vault_actions.py" line="158" />
        <location filename="../../wallet/ui/screens/vault_actions.py" line="161" />
        <location filename="../../wallet/ui/screens/vault_actions.py" line="167" />
        <source>Restore</source>
        <translation>Obnovitev</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="140" />
        <source>Passphrase of the backup:</source>
        <translation>Geslo varnostne kopije:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="143" />
        <source>Checking the backup's passphrase…</source>
        <translation>Preverjanje gesla varnostne kopije …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="149" />
        <source>A wallet already exists at %1. Replace it with the backup? The current wallet file is kept next to it under another name, not deleted.</source>
        <translation>Denarnica v %1 že obstaja. Jo zamenjam z varnostno kopijo? Trenutna datoteka denarnice se ohrani poleg pod drugim imenom, ne izbriše se.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="158" />
        <source>The backup was restored and the wallet is open.</source>
        <translation>Varnostna kopija je obnovljena in denarnica je odprta.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="200" />
        <location filename="../../wallet/ui/screens/vault_actions.py" line="213" />
        <source>Demo wallet</source>
        <translation>Predstavitvena denarnica</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="200" />
        <source>The demo wallet is not available in this version.</source>
        <translation>Predstavitvena denarnica v tej različici ni na voljo.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="203" />
        <source>Making the demo wallet with freshly signed credentials…</source>
        <translation>Izdelava predstavitvene denarnice s sveže podpisanimi dokazili …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="206" />
        <source>This is a demo wallet with sample credentials. After locking, open it again with the passphrase: %1</source>
        <translation>To je predstavitvena denarnica z vzorčnimi dokazili. Po zaklepanju jo znova odprete z geslom: %1</translation>
    </message>
</context>
</TS>