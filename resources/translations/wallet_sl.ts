<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sl" sourcelanguage="en">
<context>
    <name>CardDelegate</name>
    <message>
        <location filename="../../wallet/ui/screens/cards.py" line="87"/>
        <source>(untitled credential)</source>
        <translation>(poverilo brez naslova)</translation>
    </message>
</context>
<context>
    <name>CardView</name>
    <message>
        <location filename="../../wallet/ui/screens/cards.py" line="121"/>
        <source>Credential cards</source>
        <translation>Kartice poveril</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <location filename="../../wallet/ui/models/checks.py" line="24"/>
        <source>Passed</source>
        <translation>Uspešno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/checks.py" line="25"/>
        <source>Failed</source>
        <translation>Neuspešno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/checks.py" line="26"/>
        <source>Warning</source>
        <translation>Opozorilo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/checks.py" line="27"/>
        <source>Not checked</source>
        <translation>Ni preverjeno</translation>
    </message>
</context>
<context>
    <name>ChecksModel</name>
    <message>
        <location filename="../../wallet/ui/models/checks.py" line="61"/>
        <source>Check</source>
        <translation>Preverjanje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/checks.py" line="61"/>
        <source>Result</source>
        <translation>Rezultat</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/checks.py" line="61"/>
        <source>Reason</source>
        <translation>Razlog</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="125"/>
        <source>Create your wallet</source>
        <translation>Ustvarite svojo denarnico</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="131"/>
        <source>Your credentials are kept encrypted on this computer. Choose a passphrase you can remember: it cannot be recovered, and without it the wallet cannot be opened.</source>
        <translation>Vaša poverila so šifrirana shranjena na tem računalniku. Izberite geslo, ki si ga boste zapomnili: ni ga mogoče obnoviti in brez njega denarnice ni mogoče odpreti.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="138"/>
        <source>New passphrase</source>
        <translation>Novo geslo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="141"/>
        <source>Repeat the passphrase</source>
        <translation>Ponovite geslo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="145"/>
        <source>Passphrase strength</source>
        <translation>Moč gesla</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="147"/>
        <source>&amp;Create wallet</source>
        <translation>&amp;Ustvari denarnico</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="154"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Geslo:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="155"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Ponovitev:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="156"/>
        <source>Strength:</source>
        <translation>Moč:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="169"/>
        <source>New wallet file: %1</source>
        <translation>Nova datoteka denarnice: %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="174"/>
        <source>very weak</source>
        <translation>zelo šibko</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="174"/>
        <source>weak</source>
        <translation>šibko</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="174"/>
        <source>fair</source>
        <translation>zadovoljivo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="174"/>
        <source>good</source>
        <translation>dobro</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="174"/>
        <source>strong</source>
        <translation>močno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="181"/>
        <source>Use at least %1 characters.</source>
        <translation>Uporabite vsaj %1 znakov.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="186"/>
        <source>The two passphrases differ. Type the same passphrase twice.</source>
        <translation>Gesli se razlikujeta. Dvakrat vnesite isto geslo.</translation>
    </message>
</context>
<context>
    <name>CredentialsModel</name>
    <message>
        <location filename="../../wallet/ui/models/credentials.py" line="90"/>
        <source>Title</source>
        <translation>Naslov</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/credentials.py" line="90"/>
        <source>Issuer</source>
        <translation>Izdajatelj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/credentials.py" line="90"/>
        <source>Format</source>
        <translation>Oblika</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/credentials.py" line="90"/>
        <source>Verification</source>
        <translation>Preverjanje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/credentials.py" line="90"/>
        <source>Issued</source>
        <translation>Izdano</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/credentials.py" line="100"/>
        <source>(untitled credential)</source>
        <translation>(poverilo brez naslova)</translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="65"/>
        <source>Search credentials (Ctrl+F)</source>
        <translation>Iskanje poveril (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="66"/>
        <source>Search credentials</source>
        <translation>Iskanje poveril</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="71"/>
        <source>Filter by issuer</source>
        <translation>Filtriraj po izdajatelju</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="72"/>
        <source>Filter by format</source>
        <translation>Filtriraj po obliki</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="73"/>
        <source>Filter by verification result</source>
        <translation>Filtriraj po rezultatu preverjanja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="74"/>
        <source>Filter by target qualification</source>
        <translation>Filtriraj po ciljni kvalifikaciji</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="85"/>
        <source>Show as cards (Ctrl+2) or as a list (Ctrl+1)</source>
        <translation>Prikaži kot kartice (Ctrl+2) ali kot seznam (Ctrl+1)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="86"/>
        <source>Show as cards</source>
        <translation>Prikaži kot kartice</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="96"/>
        <source>Credentials</source>
        <translation>Poverila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="120"/>
        <source>No credentials yet. Import files (Ctrl+O), paste a credential or a link (Ctrl+Shift+V), open a QR image, or drop files on this window.</source>
        <translation>Poveril še ni. Uvozite datoteke (Ctrl+O), prilepite poverilo ali povezavo (Ctrl+Shift+V), odprite sliko kode QR ali povlecite datoteke v to okno.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="188"/>
        <source>Any target</source>
        <translation>Katerikoli cilj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="199"/>
        <source>Any issuer</source>
        <translation>Katerikoli izdajatelj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="200"/>
        <source>Any format</source>
        <translation>Katerakoli oblika</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="201"/>
        <source>Any result</source>
        <translation>Katerikoli rezultat</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="249"/>
        <source>%1 credentials</source>
        <translation>Poveril: %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/credentials_page.py" line="251"/>
        <source>%1 of %2 credentials</source>
        <translation>Prikazanih %1 od %2 poveril</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="93"/>
        <source>Language of the credential text</source>
        <extracomment>Original bytes beyond this are cut in the viewer (the vault keeps them whole).</extracomment>
        <translation>Jezik besedila poverila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="95"/>
        <source>Second language, side by side</source>
        <translation>Drugi jezik, vzporedno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="99"/>
        <source>&amp;Show in:</source>
        <translation>&amp;Prikaži v:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="101"/>
        <source>Side &amp;by side with:</source>
        <translation>&amp;Vzporedno z:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="110"/>
        <source>Credential elements</source>
        <translation>Elementi poverila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="122"/>
        <source>Verification checks</source>
        <translation>Preverjanja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="130"/>
        <source>&amp;Verify again</source>
        <translation>&amp;Ponovno preveri</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="131"/>
        <source>Verify with today&apos;s date and the evidence cached in the wallet</source>
        <translation>Preveri z današnjim datumom in dokazili, shranjenimi v denarnici</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="137"/>
        <source>* essential check: without it nothing can be said about the credential</source>
        <translation>* bistveno preverjanje: brez njega o poverilu ni mogoče reči ničesar</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="145"/>
        <source>Original bytes, read-only</source>
        <translation>Izvirni bajti, samo za branje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="154"/>
        <source>&amp;Elements</source>
        <translation>&amp;Elementi</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="155"/>
        <source>&amp;Verification</source>
        <translation>P&amp;reverjanje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="156"/>
        <source>&amp;Original</source>
        <translation>&amp;Izvirnik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="157"/>
        <source>Select a credential to see it here.</source>
        <translation>Izberite poverilo, da ga vidite tukaj.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="205"/>
        <source>%1 bytes, from %2, imported %3. SHA-256 identifies it in the wallet: %4</source>
        <translation>%1 bajtov, iz %2, uvoženo %3. V denarnici ga označuje SHA-256: %4</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="208"/>
        <source>(only the first %1 KiB are shown)</source>
        <translation>(prikazanih je le prvih %1 KiB)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="213"/>
        <source>This credential has not been verified yet.</source>
        <translation>To poverilo še ni bilo preverjeno.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="214"/>
        <source>%1, as of %2.</source>
        <translation>%1, stanje na dan %2.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="217"/>
        <source>EU trusted-list snapshot of %1.</source>
        <translation>Posnetek zaupanja vrednega seznama EU z dne %1.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="219"/>
        <source>Issuer in your trust store as “%1”.</source>
        <translation>Izdajatelj je med vašimi zaupanja vrednimi kot »%1«.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="220"/>
        <source>Verified offline, with the evidence cached in the wallet.</source>
        <translation>Preverjeno brez povezave, z dokazili, shranjenimi v denarnici.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/detail.py" line="229"/>
        <source>(none)</source>
        <translation>(brez)</translation>
    </message>
</context>
<context>
    <name>EvidenceScheduler</name>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="138"/>
        <source>Evidence refreshed on schedule: %1</source>
        <translation>Dokazila so bila osvežena po urniku: %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="142"/>
        <source>Scheduled evidence refresh failed: %1</source>
        <translation>Osvežitev dokazil po urniku ni uspela: %1</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="19"/>
        <source>Imported</source>
        <translation>Uvoženo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="20"/>
        <source>Already in the wallet</source>
        <translation>Že v denarnici</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="21"/>
        <source>Not imported</source>
        <translation>Ni uvoženo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="22"/>
        <source>Kept as evidence</source>
        <translation>Shranjeno kot dokazilo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="23"/>
        <source>Fetched online</source>
        <translation>Preneseno s spleta</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="24"/>
        <source>Could not be fetched</source>
        <translation>Ni bilo mogoče prenesti</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="77"/>
        <source>Import credentials</source>
        <extracomment>A credential *offer* was pasted, dropped or scanned: it is received (with consent), not imported.</extracomment>
        <translation>Uvoz poveril</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="80"/>
        <source>Items to import</source>
        <translation>Elementi za uvoz</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="82"/>
        <source>Add &amp;files…</source>
        <translation>Dodaj &amp;datoteke …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="84"/>
        <source>&amp;Paste…</source>
        <translation>&amp;Prilepi …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="86"/>
        <source>Open &amp;QR image…</source>
        <translation>Odpri sliko &amp;QR …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="90"/>
        <source>Reading QR images needs the zxing-cpp package, which is not installed.</source>
        <translation>Za branje slik QR je potreben paket zxing-cpp, ki ni nameščen.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="91"/>
        <source>&amp;Remove from list</source>
        <translation>&amp;Odstrani s seznama</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="97"/>
        <source>Drop credential files here, or add them with the buttons.</source>
        <translation>Sem povlecite datoteke s poverili ali jih dodajte z gumbi.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="100"/>
        <source>Import progress</source>
        <translation>Napredek uvoza</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="107"/>
        <source>Import results</source>
        <translation>Rezultati uvoza</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="114"/>
        <source>&amp;Import</source>
        <translation>&amp;Uvozi</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="136"/>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 bajtov)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="144"/>
        <source>Reading files…</source>
        <translation>Branje datotek …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="154"/>
        <source>Choose credential files</source>
        <translation>Izberite datoteke s poverili</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="154"/>
        <source>Credentials (*.json *.jsonld *.jwt *.txt *.png *.svg *.xml *.cred *.vp);;All files (*)</source>
        <translation>Poverila (*.json *.jsonld *.jwt *.txt *.png *.svg *.xml *.cred *.vp);;Vse datoteke (*)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="179"/>
        <source>Open a QR code image</source>
        <translation>Odprite sliko kode QR</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="179"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;All files (*)</source>
        <translation>Slike (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;Vse datoteke (*)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="224"/>
        <source>Checking and importing %1 items…</source>
        <translation>Preverjanje in uvoz %1 elementov …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="258"/>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="262"/>
        <source>Cancelling…</source>
        <translation>Preklic …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="273"/>
        <source>Imported %1, already in the wallet %2, not imported %3, kept as evidence %4.</source>
        <translation>Uvoženih %1, že v denarnici %2, neuvoženih %3, shranjenih kot dokazilo %4.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="235"/>
        <source>Import cancelled; nothing was stored.</source>
        <translation>Uvoz je preklican; nič ni bilo shranjeno.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="277"/>
        <source>Evidence fetched online: %1, could not be fetched: %2.</source>
        <translation>Dokazila, prenesena s spleta: %1, ni jih bilo mogoče prenesti: %2.</translation>
    </message>
</context>
<context>
    <name>ImportResultsModel</name>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="52"/>
        <source>Item</source>
        <translation>Element</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="52"/>
        <source>Outcome</source>
        <translation>Izid</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/results.py" line="52"/>
        <source>Details</source>
        <translation>Podrobnosti</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="59"/>
        <location filename="../../wallet/ui/screens/main_window.py" line="237"/>
        <location filename="../../wallet/ui/screens/main_window.py" line="283"/>
        <location filename="../../wallet/ui/screens/main_window.py" line="288"/>
        <source>Learner wallet</source>
        <translation>Učna denarnica</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="75"/>
        <source>&amp;Credentials</source>
        <translation>&amp;Poverila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="76"/>
        <source>&amp;Targets</source>
        <translation>&amp;Cilji</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="77"/>
        <source>&amp;Share</source>
        <translation>&amp;Deljenje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="78"/>
        <source>C&amp;heck received</source>
        <translation>Pre&amp;veri prejeto</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="89"/>
        <source>Working…</source>
        <translation>Delam …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="115"/>
        <source>&amp;File</source>
        <translation>&amp;Datoteka</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="116"/>
        <source>&amp;Import files…</source>
        <translation>&amp;Uvozi datoteke …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="117"/>
        <source>&amp;Paste credential or link…</source>
        <translation>&amp;Prilepi poverilo ali povezavo …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="118"/>
        <source>Import from a &amp;QR image…</source>
        <translation>Uvozi iz slike &amp;QR …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="121"/>
        <source>&amp;Back up wallet…</source>
        <translation>&amp;Varnostno kopiraj denarnico …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="123"/>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Obnovi iz varnostne kopije …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="125"/>
        <source>&amp;Lock</source>
        <translation>&amp;Zakleni</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="126"/>
        <source>&amp;Quit</source>
        <translation>&amp;Končaj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="131"/>
        <source>&amp;Edit</source>
        <translation>&amp;Urejanje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="132"/>
        <source>&amp;Find</source>
        <translation>&amp;Najdi</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="133"/>
        <source>&amp;Remove credential…</source>
        <translation>&amp;Odstrani poverilo …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="134"/>
        <source>&amp;Verify again</source>
        <translation>&amp;Ponovno preveri</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="139"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Nastavitve …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="141"/>
        <source>Change &amp;passphrase…</source>
        <translation>Spremeni &amp;geslo …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="147"/>
        <source>&amp;View</source>
        <translation>&amp;Pogled</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="148"/>
        <source>As a &amp;list</source>
        <translation>Kot &amp;seznam</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="150"/>
        <source>As &amp;cards</source>
        <translation>Kot &amp;kartice</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="154"/>
        <source>&amp;Help</source>
        <translation>Po&amp;moč</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="155"/>
        <source>&amp;About</source>
        <translation>&amp;O programu</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="160"/>
        <source>Main</source>
        <translation>Glavna</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="187"/>
        <source>Wallet: %1</source>
        <translation>Denarnica: %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="190"/>
        <source>Locked</source>
        <translation>Zaklenjeno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="277"/>
        <source>Unlock the wallet to continue with the link you opened.</source>
        <translation>Odklenite denarnico, da nadaljujete s povezavo, ki ste jo odprli.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="284"/>
        <source>Presenting credentials to a verifier (openid4vp links) is not available yet.</source>
        <translation>Predstavljanje dokazil preveritelju (povezave openid4vp) še ni na voljo.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="288"/>
        <source>The wallet does not know what to do with this link.</source>
        <translation>Denarnica ne ve, kaj storiti s to povezavo.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="309"/>
        <source>Remove %1 credential(s) from the wallet? This cannot be undone (keep the original files or a backup if you may need them).</source>
        <translation>Odstranim toliko poveril iz denarnice: %1? Tega ni mogoče razveljaviti (obdržite izvirne datoteke ali varnostno kopijo, če jih boste morda potrebovali).</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="311"/>
        <source>Remove credentials</source>
        <translation>Odstrani poverila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="328"/>
        <source>Verifying again…</source>
        <translation>Ponovno preverjanje …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="332"/>
        <source>Verified %1 credential(s) again.</source>
        <translation>Ponovno preverjenih poveril: %1.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="346"/>
        <source>Check a bundle someone sent you</source>
        <translation>Preverite sveženj, ki vam ga je nekdo poslal</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="356"/>
        <source>About Learner wallet</source>
        <translation>O Učni denarnici</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="357"/>
        <source>Learner wallet keeps your credentials encrypted on this computer, verifies them offline, shows your progress towards qualifications and shares signed bundles.

Licence: EUPL-1.2</source>
        <translation>Učna denarnica hrani vaša poverila šifrirana na tem računalniku, jih preverja brez povezave, prikazuje vaš napredek do kvalifikacij in deli podpisane svežnje.

Licenca: EUPL-1.2</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="135"/>
        <source>Refresh &amp;evidence</source>
        <translation>Osveži &amp;dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="119"/>
        <source>Recei&amp;ve from an issuer…</source>
        <translation>Pre&amp;jmi od izdajatelja …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/main_window.py" line="137"/>
        <source>Fetch what the credentials need from their issuers, then check them again</source>
        <translation>Od izdajateljev prenesi, kar poverila potrebujejo, nato jih ponovno preveri</translation>
    </message>
</context>
<context>
    <name>Online</name>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="39"/>
        <source>Fetched %1 of %2 pieces of evidence.</source>
        <extracomment>How often the schedule looks for due evidence while the app runs (what is due decides the core). When the vault thread is busy with the user&apos;s work, the schedule looks again this much later.</extracomment>
        <translation>Prenesenih dokazil: %1 od %2.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="42"/>
        <source>Offline mode is on, so nothing was fetched; the credentials were checked against the evidence already in the wallet.</source>
        <translation>Vklopljen je način brez povezave, zato ni bilo nič preneseno; poverila so bila preverjena z dokazili, ki so že v denarnici.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="46"/>
        <source>%1 could not be fetched:</source>
        <translation>Ni bilo mogoče prenesti (%1):</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="50"/>
        <source>Cancelled: what was fetched before was kept.</source>
        <translation>Preklicano: kar je bilo prej preneseno, je ohranjeno.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="52"/>
        <source>What changed:</source>
        <translation>Kaj se je spremenilo:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="55"/>
        <source>Checked %1 credential(s) again; nothing changed.</source>
        <translation>Ponovno preverjena poverila: %1; nič se ni spremenilo.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="66"/>
        <source>Refresh evidence</source>
        <translation>Osveži dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="67"/>
        <source>Fetching evidence…</source>
        <translation>Prenašanje dokazil …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="68"/>
        <source>Cancel</source>
        <translation>Prekliči</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="81"/>
        <source>Evidence refreshed: %1 fetched, %2 change(s).</source>
        <translation>Dokazila osvežena: prenesenih %1, sprememb %2.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="151"/>
        <source>The credentials you are importing need evidence from %1 (%2).

Fetch it now? The host learns that a credential it issued is being checked. Your answer is remembered for this host; change it under Settings ▸ Online.</source>
        <translation>Poverila, ki jih uvažate, potrebujejo dokazila s strežnika %1 (%2).

Jih prenesem zdaj? Strežnik bo izvedel, da se preverja poverilo, ki ga je izdal. Vaš odgovor si zapomnim za ta strežnik; spremenite ga v Nastavitve ▸ Splet.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_actions.py" line="155"/>
        <source>Fetch evidence online?</source>
        <translation>Prenesem dokazila s spleta?</translation>
    </message>
</context>
<context>
    <name>OnlinePage</name>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="40"/>
        <source>Fetch evidence when importing</source>
        <translation>Prenos dokazil ob uvozu</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="41"/>
        <source>Ask once for each issuer&apos;s host</source>
        <translation>Enkrat vprašaj za vsak izdajateljev strežnik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="42"/>
        <source>Always</source>
        <translation>Vedno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="43"/>
        <source>Never (only when I ask)</source>
        <translation>Nikoli (samo ko to zahtevam)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="44"/>
        <source>&amp;Offline mode: never use the network</source>
        <translation>Način brez &amp;povezave: nikoli ne uporabi omrežja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="45"/>
        <source>The wallet then checks credentials only against evidence it already has.</source>
        <translation>Denarnica tedaj preverja poverila samo z dokazili, ki jih že ima.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="47"/>
        <source>Credentials are always checked offline. Some need something their issuer publishes (its keys, its revocation list); the wallet fetches it only on import (as set here), when you choose Refresh evidence, and on a schedule while it runs. Every host contacted is listed below.</source>
        <translation>Poverila se vedno preverjajo brez povezave. Nekatera potrebujejo nekaj, kar objavlja njihov izdajatelj (njegove ključe, seznam preklicev); denarnica to prenese le ob uvozu (kot je nastavljeno tukaj), ko izberete Osveži dokazila, in po urniku, medtem ko teče. Vsi strežniki, s katerimi je stopila v stik, so navedeni spodaj.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="52"/>
        <source>Fetch evidence on &amp;import:</source>
        <translation>Prenesi dokazila ob &amp;uvozu:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="55"/>
        <source>Contacted hosts</source>
        <translation>Strežniki, s katerimi je bil vzpostavljen stik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="56"/>
        <source>Host</source>
        <translation>Strežnik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="56"/>
        <source>Times</source>
        <translation>Kolikokrat</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="56"/>
        <source>Last contact</source>
        <translation>Zadnji stik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="57"/>
        <source>Your answer</source>
        <translation>Vaš odgovor</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="57"/>
        <source>Why</source>
        <translation>Zakaj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="62"/>
        <source>&amp;Allow host</source>
        <translation>&amp;Dovoli strežnik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="64"/>
        <source>&amp;Never this host</source>
        <translation>&amp;Nikoli ta strežnik</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="66"/>
        <source>&amp;Forget answer</source>
        <translation>Po&amp;zabi odgovor</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="77"/>
        <source>Contacted hosts:</source>
        <translation>Strežniki, s katerimi je bil vzpostavljen stik:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="100"/>
        <source>allowed</source>
        <translation>dovoljeno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="100"/>
        <source>never</source>
        <translation>nikoli</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/online_settings.py" line="120"/>
        <source>Saved.</source>
        <translation>Shranjeno.</translation>
    </message>
</context>
<context>
    <name>OpenPage</name>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="55"/>
        <source>Unlock your wallet</source>
        <translation>Odklenite svojo denarnico</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="66"/>
        <location filename="../../wallet/ui/screens/unlock.py" line="67"/>
        <source>Passphrase</source>
        <translation>Geslo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="69"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Odkleni</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="73"/>
        <source>Unlocking… (deriving the key takes a moment)</source>
        <translation>Odklepanje … (izpeljava ključa traja nekaj trenutkov)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="87"/>
        <source>Wallet file: %1</source>
        <translation>Datoteka denarnice: %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="92"/>
        <source>Enter your passphrase.</source>
        <translation>Vnesite geslo.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="30"/>
        <source>Change passphrase</source>
        <translation>Sprememba gesla</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="33"/>
        <source>New passphrase</source>
        <translation>Novo geslo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="36"/>
        <source>Repeat the new passphrase</source>
        <translation>Ponovite novo geslo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="40"/>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Novo geslo:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="41"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Ponovitev:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="46"/>
        <source>The wallet is re-encrypted with a key from the new passphrase.</source>
        <translation>Denarnica se ponovno šifrira s ključem iz novega gesla.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="55"/>
        <source>Use at least %1 characters.</source>
        <translation>Uporabite vsaj %1 znakov.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="59"/>
        <source>The two passphrases differ.</source>
        <translation>Gesli se razlikujeta.</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="49"/>
        <source>Paste a credential or a link</source>
        <translation>Prilepite poverilo ali povezavo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="51"/>
        <source>Credential text or link</source>
        <translation>Besedilo poverila ali povezava</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="52"/>
        <source>Paste JSON, a JWT or a wallet link here</source>
        <translation>Sem prilepite JSON, JWT ali povezavo denarnice</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/import_dialog.py" line="57"/>
        <source>The text is checked and nothing is stored until you import it.</source>
        <translation>Besedilo se preveri; nič se ne shrani, dokler ga ne uvozite.</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="80"/>
        <source>Receive credentials from an issuer</source>
        <translation>Prejmi dokazila od izdajatelja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="102"/>
        <source>Offer link</source>
        <translation>Povezava do ponudbe</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="106"/>
        <source>Open a &amp;QR image or file…</source>
        <translation>Odpri &amp;sliko QR ali datoteko …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="108"/>
        <source>Collect &amp;waiting credentials</source>
        <translation>Prevzemi č&amp;akajoča dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="109"/>
        <source>Ask the issuers again for credentials they were still preparing</source>
        <translation>Znova vprašaj izdajatelje za dokazila, ki so jih še pripravljali</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="113"/>
        <source>&amp;Continue</source>
        <translation>&amp;Nadaljuj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="117"/>
        <source>Paste the offer link the issuer gave you (or open the QR code it showed). You will see who offers what before anything is stored.</source>
        <translation>Prilepite povezavo do ponudbe, ki vam jo je dal izdajatelj (ali odprite kodo QR, ki jo je pokazal). Preden se karkoli shrani, boste videli, kdo ponuja kaj.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="153"/>
        <source>Credentials offered</source>
        <translation>Ponujena dokazila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="157"/>
        <source>Transaction code</source>
        <translation>Transakcijska koda</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="165"/>
        <source>&amp;Accept and store</source>
        <translation>&amp;Sprejmi in shrani</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="166"/>
        <source>&amp;Decline</source>
        <translation>&amp;Zavrni</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="175"/>
        <source>What happens if you accept:</source>
        <translation>Kaj se zgodi, če sprejmete:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="188"/>
        <source>Receiving</source>
        <translation>Prejemanje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="189"/>
        <source>Cancel</source>
        <translation>Prekliči</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="204"/>
        <source>Result</source>
        <translation>Izid</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="205"/>
        <source>&amp;Close</source>
        <translation>&amp;Zapri</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="214"/>
        <source>Open an offer (QR image or file)</source>
        <translation>Odpri ponudbo (sliko QR ali datoteko)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="215"/>
        <source>Offers (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.txt *.json);;All files (*)</source>
        <translation>Ponudbe (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.txt *.json);;Vse datoteke (*)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="225"/>
        <source>Reading the offer and asking the issuer who it is…</source>
        <translation>Branje ponudbe in poizvedba pri izdajatelju, kdo je …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="236"/>
        <source>Asking the issuers again…</source>
        <translation>Ponovno spraševanje izdajateljev …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="254"/>
        <source>%1 offers you:</source>
        <translation>%1 vam ponuja:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="275"/>
        <source>digits</source>
        <translation>števke</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="275"/>
        <source>letters and digits</source>
        <translation>črke in števke</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="276"/>
        <source>Transaction code (%1):</source>
        <translation>Transakcijska koda (%1):</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="278"/>
        <source>Transaction code (%1, %2 characters):</source>
        <translation>Transakcijska koda (%1, znakov: %2):</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="326"/>
        <source>The code does not have the form the issuer described.</source>
        <translation>Koda nima oblike, ki jo je opisal izdajatelj.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="333"/>
        <source>Starting…</source>
        <translation>Začenjam …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="349"/>
        <source>Cancelling…</source>
        <translation>Preklicujem …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="363"/>
        <source>Nothing was stored.</source>
        <translation>Nič ni shranjeno.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="374"/>
        <source>Stored</source>
        <translation>Shranjeno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="374"/>
        <source>Already in the wallet</source>
        <translation>Že v denarnici</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="375"/>
        <source>Refused</source>
        <translation>Zavrnjeno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="375"/>
        <source>Waiting for the issuer</source>
        <translation>Čaka na izdajatelja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="376"/>
        <source>Not received</source>
        <translation>Ni prejeto</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/receive_dialog.py" line="376"/>
        <source>Cannot be received</source>
        <translation>Ni mogoče prejeti</translation>
    </message>
</context>
<context>
    <name>ReceivedPage</name>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="56"/>
        <source>Check a bundle of credentials someone shared with you. Nothing is stored in your wallet and nothing is sent anywhere.</source>
        <translation>Preverite sveženj poveril, ki vam ga je nekdo poslal. V denarnico se nič ne shrani in nič se nikamor ne pošlje.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="60"/>
        <source>Link or bundle text</source>
        <translation>Povezava ali besedilo svežnja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="61"/>
        <source>Paste a share link or the bundle&apos;s JSON here</source>
        <translation>Sem prilepite povezavo za deljenje ali JSON svežnja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="64"/>
        <source>Challenge you gave</source>
        <translation>Izziv, ki ste ga dali</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="66"/>
        <source>Your domain</source>
        <translation>Vaša domena</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="68"/>
        <source>Challenge you &amp;gave:</source>
        <translation>&amp;Izziv, ki ste ga dali:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="69"/>
        <source>Your do&amp;main:</source>
        <translation>Vaša do&amp;mena:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="70"/>
        <source>Chec&amp;k pasted text</source>
        <translation>Pre&amp;veri prilepljeno besedilo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="72"/>
        <source>Open &amp;file…</source>
        <translation>Odpri &amp;datoteko …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="74"/>
        <source>Open QR &amp;image…</source>
        <translation>Odpri &amp;sliko QR …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="78"/>
        <source>Reading QR images needs the zxing-cpp package, which is not installed.</source>
        <translation>Za branje slik QR je potreben paket zxing-cpp, ki ni nameščen.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="84"/>
        <source>What the check found</source>
        <translation>Kaj je pokazalo preverjanje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="88"/>
        <source>Checks of the presentation</source>
        <translation>Preverjanja predstavitve</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="105"/>
        <source>Not available: this version of the wallet core cannot check bundles.</source>
        <translation>Ni na voljo: ta različica jedra denarnice ne zna preverjati svežnjev.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="117"/>
        <source>Paste a link or a bundle first.</source>
        <translation>Najprej prilepite povezavo ali sveženj.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="122"/>
        <source>Open a bundle</source>
        <translation>Odprite sveženj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="122"/>
        <source>Bundles (*.vp.json *.json *.txt);;All files (*)</source>
        <translation>Svežnji (*.vp.json *.json *.txt);;Vse datoteke (*)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="133"/>
        <source>Open a QR code image</source>
        <translation>Odprite sliko kode QR</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="134"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;All files (*)</source>
        <translation>Slike (*.png *.jpg *.jpeg *.gif *.bmp *.webp);;Vse datoteke (*)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/received_page.py" line="143"/>
        <source>Checking…</source>
        <translation>Preverjanje …</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../wallet/ui/session.py" line="173"/>
        <source>The wallet is locked.</source>
        <translation>Denarnica je zaklenjena.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="53"/>
        <source>Settings</source>
        <translation>Nastavitve</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="55"/>
        <source>Language of the application</source>
        <translation>Jezik programa</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="56"/>
        <source>As the system</source>
        <translation>Kot sistem</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="64"/>
        <source>Preferred languages of credential text</source>
        <translation>Prednostni jeziki besedila poveril</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="65"/>
        <source>Language codes in order of preference, e.g. sl, en</source>
        <translation>Kode jezikov po prednosti, npr. sl, en</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="68"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="69"/>
        <source>never</source>
        <translation>nikoli</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="71"/>
        <source>Lock after minutes without use</source>
        <translation>Zakleni po toliko minutah neuporabe</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="73"/>
        <source>Default expiry of shared bundles</source>
        <translation>Privzeta veljavnost deljenih svežnjev</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="74"/>
        <source>30d, 12h, 2w … at most 365d</source>
        <translation>30d, 12h, 2w … največ 365d</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="79"/>
        <source>Application &amp;language:</source>
        <translation>&amp;Jezik programa:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="80"/>
        <source>&amp;Credential languages:</source>
        <translation>Jeziki &amp;poveril:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="81"/>
        <source>&amp;Lock after:</source>
        <translation>&amp;Zakleni po:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="82"/>
        <source>Shared bundles &amp;expire after:</source>
        <translation>Deljeni svežnji &amp;potečejo po:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="85"/>
        <source>Identifier (DID or URL)</source>
        <translation>Identifikator (DID ali URL)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="87"/>
        <source>Trusted issuers</source>
        <translation>Zaupanja vredni izdajatelji</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="88"/>
        <source>&amp;Add issuer…</source>
        <translation>&amp;Dodaj izdajatelja …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="90"/>
        <source>&amp;Remove issuer</source>
        <translation>&amp;Odstrani izdajatelja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="92"/>
        <source>Credentials from these issuers are marked as from someone you trust.</source>
        <translation>Poverila teh izdajateljev so označena kot poverila nekoga, ki mu zaupate.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="95"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="97"/>
        <source>Trust anchors</source>
        <translation>Sidra zaupanja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="98"/>
        <source>Add &amp;certificate…</source>
        <translation>Dodaj &amp;potrdilo …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="100"/>
        <source>Re&amp;move certificate</source>
        <translation>Od&amp;strani potrdilo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="102"/>
        <source>Root certificates trusted for sealed European Digital Credentials.</source>
        <translation>Korenska potrdila, ki jim zaupate pri zapečatenih evropskih digitalnih poverilih.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="111"/>
        <source>&amp;General</source>
        <translation>&amp;Splošno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="112"/>
        <source>Trusted &amp;issuers</source>
        <translation>Zaupanja vredni &amp;izdajatelji</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="113"/>
        <source>Trust &amp;anchors</source>
        <translation>Sidra &amp;zaupanja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="114"/>
        <source>&amp;Wallet</source>
        <translation>&amp;Denarnica</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="157"/>
        <source>File: %1</source>
        <translation>Datoteka: %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="158"/>
        <source>Holder: %1</source>
        <translation>Imetnik: %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="159"/>
        <source>Credentials: %1</source>
        <translation>Poverila: %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="160"/>
        <source>Key derivation: Argon2id, %1 KiB, %2 passes, %3 lanes</source>
        <translation>Izpeljava ključa: Argon2id, %1 KiB, %2 prehodov, %3 stez</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="162"/>
        <source>Schema version: %1</source>
        <translation>Različica sheme: %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="171"/>
        <source>Saved. Use Edit ▸ Verify again to update the reports.</source>
        <translation>Shranjeno. Za posodobitev poročil uporabite Urejanje ▸ Ponovno preveri.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="183"/>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="186"/>
        <source>Trust an issuer</source>
        <translation>Zaupaj izdajatelju</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="183"/>
        <source>The issuer&apos;s DID or web address:</source>
        <translation>DID ali spletni naslov izdajatelja:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="186"/>
        <source>A name for this issuer:</source>
        <translation>Ime tega izdajatelja:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="196"/>
        <source>Choose a root certificate</source>
        <translation>Izberite korensko potrdilo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="197"/>
        <source>Certificates (*.cer *.crt *.der *.pem);;All files (*)</source>
        <translation>Potrdila (*.cer *.crt *.der *.pem);;Vse datoteke (*)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="200"/>
        <source>Trust a certificate</source>
        <translation>Zaupaj potrdilu</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="200"/>
        <source>A name for this certificate:</source>
        <translation>Ime tega potrdila:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/settings_dialog.py" line="116"/>
        <source>&amp;Online</source>
        <translation>Sp&amp;let</translation>
    </message>
</context>
<context>
    <name>SharePage</name>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="79"/>
        <source>Credentials to share</source>
        <translation>Poverila za deljenje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="81"/>
        <source>Select &amp;all</source>
        <translation>Izberi &amp;vse</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="83"/>
        <source>Select &amp;none</source>
        <translation>Izberi &amp;nič</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="88"/>
        <source>Choose the credentials to share:</source>
        <translation>Izberite poverila za deljenje:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="97"/>
        <source>Challenge</source>
        <translation>Izziv</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="98"/>
        <source>the code the recipient gave you, if any</source>
        <translation>koda, ki vam jo je dal prejemnik, če vam jo je</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="100"/>
        <source>Domain</source>
        <translation>Domena</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="101"/>
        <source>e.g. jobs.example.com, if the recipient gave one</source>
        <translation>npr. zaposlitev.example.com, če jo je prejemnik navedel</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="103"/>
        <source>Expiry</source>
        <translation>Veljavnost</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="104"/>
        <source>How long the bundle is accepted: 30d, 12h, 2w (at most 365d)</source>
        <translation>Kako dolgo se sveženj sprejema: 30d, 12h, 2w (največ 365d)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="106"/>
        <source>Languages of the PDF and Europass XML</source>
        <translation>Jeziki PDF in Europass XML</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="109"/>
        <source>Old Europass format (SkillsPassport v3.3)</source>
        <translation>Stara oblika Europass (SkillsPassport v3.3)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="111"/>
        <source>C&amp;hallenge:</source>
        <translation>&amp;Izziv:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="112"/>
        <source>&amp;Domain:</source>
        <translation>&amp;Domena:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="113"/>
        <source>&amp;Expires after:</source>
        <translation>&amp;Poteče po:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="114"/>
        <source>&amp;Languages:</source>
        <translation>&amp;Jeziki:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="117"/>
        <source>Save signed &amp;bundle…</source>
        <translation>Shrani podpisan &amp;sveženj …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="119"/>
        <source>Copy &amp;link</source>
        <translation>Kopiraj &amp;povezavo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="121"/>
        <source>Show &amp;QR code</source>
        <translation>Prikaži kodo &amp;QR</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="123"/>
        <source>Save QR &amp;image…</source>
        <translation>Shrani &amp;sliko QR …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="125"/>
        <source>&amp;Europass CV XML…</source>
        <translation>&amp;Europass CV XML …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="127"/>
        <source>Printable &amp;PDF…</source>
        <translation>&amp;PDF za tiskanje …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="138"/>
        <source>QR code preview</source>
        <translation>Predogled kode QR</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="155"/>
        <source>Not available: this version of the wallet core has no %1.</source>
        <translation>Ni na voljo: ta različica jedra denarnice nima modula %1.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="245"/>
        <source>Some of the chosen credentials are not in force:</source>
        <translation>Nekatera izbrana dokazila ne veljajo:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="246"/>
        <source>Share them anyway?</source>
        <translation>Jih vseeno delim?</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="247"/>
        <source>Share</source>
        <translation>Deli</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="248"/>
        <source>Nothing was shared.</source>
        <translation>Nič ni bilo deljeno.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="250"/>
        <source>Signing the bundle…</source>
        <translation>Podpisovanje svežnja …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="261"/>
        <source>Accepted until %1.</source>
        <translation>Sprejema se do %1.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="264"/>
        <source>Save the signed bundle</source>
        <translation>Shrani podpisan sveženj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="265"/>
        <source>Bundles (*.vp.json *.json)</source>
        <translation>Svežnji (*.vp.json *.json)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="268"/>
        <source>Saved a signed bundle of %1 credential(s) to %2.</source>
        <translation>Podpisan sveženj s toliko poverili: %1 je shranjen v %2.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="274"/>
        <source>The link (%1 characters) is on the clipboard.</source>
        <translation>Povezava (%1 znakov) je v odložišču.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="287"/>
        <source>Scan this QR code with the wallet, or save it as an image.</source>
        <translation>Kodo QR skenirajte z denarnico ali jo shranite kot sliko.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="298"/>
        <source>Save the QR code</source>
        <translation>Shrani kodo QR</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="298"/>
        <source>PNG images (*.png)</source>
        <translation>Slike PNG (*.png)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="303"/>
        <source>Saved the QR code to %1.</source>
        <translation>Koda QR je shranjena v %1.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="307"/>
        <source>Save the printable bundle</source>
        <translation>Shrani sveženj za tiskanje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="308"/>
        <source>PDF files (*.pdf)</source>
        <translation>Datoteke PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="311"/>
        <source>Saved the printable bundle to %1.</source>
        <translation>Sveženj za tiskanje je shranjen v %1.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="314"/>
        <source>Save Europass CV XML</source>
        <translation>Shrani Europass CV XML</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="314"/>
        <source>XML files (*.xml)</source>
        <translation>Datoteke XML (*.xml)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="322"/>
        <source>Saved %1 credential(s) as Europass CV XML to %2.</source>
        <translation>Poverila (%1) so shranjena kot Europass CV XML v %2.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/share_page.py" line="325"/>
        <source>Left out %1: %2</source>
        <translation>Izpuščeno %1: %2</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <location filename="../../wallet/ui/models/targets.py" line="55"/>
        <source>Target</source>
        <translation>Cilj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/targets.py" line="55"/>
        <source>Progress</source>
        <translation>Napredek</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/targets.py" line="55"/>
        <source>Requirements met</source>
        <translation>Izpolnjene zahteve</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/targets.py" line="55"/>
        <source>Credits</source>
        <translation>Kreditne točke</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/targets.py" line="82"/>
        <source>%1 percent complete</source>
        <translation>%1 odstotkov opravljeno</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="88"/>
        <source>Target qualifications</source>
        <translation>Ciljne kvalifikacije</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="104"/>
        <source>&amp;Add target from file…</source>
        <translation>&amp;Dodaj cilj iz datoteke …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="105"/>
        <source>A target JSON file, or a European Digital Credential qualification</source>
        <translation>Datoteka JSON s ciljem ali kvalifikacija v obliki evropskega digitalnega poverila</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="107"/>
        <source>Re&amp;move target</source>
        <translation>Od&amp;strani cilj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="128"/>
        <source>Requirement</source>
        <translation>Zahteva</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="128"/>
        <source>Status</source>
        <translation>Stanje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="129"/>
        <source>Breakdown of the target</source>
        <translation>Razčlenitev cilja</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="167"/>
        <source>Calculating progress…</source>
        <translation>Izračun napredka …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="214"/>
        <source>Choose a target to see what counts towards it.</source>
        <translation>Izberite cilj, da vidite, kaj šteje zanj.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="220"/>
        <source>%1: %2 % complete</source>
        <translation>%1: %2 % opravljeno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="224"/>
        <source>Requirements</source>
        <translation>Zahteve</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="224"/>
        <source>%1 of %2 met</source>
        <translation>izpolnjenih %1 od %2</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="233"/>
        <source>choose %1, %2 chosen</source>
        <translation>izberite %1, izbranih %2</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="239"/>
        <source>met</source>
        <translation>izpolnjeno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="239"/>
        <source>partly met</source>
        <translation>delno izpolnjeno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="239"/>
        <source>missing</source>
        <translation>manjka</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="245"/>
        <source>filled by: %1</source>
        <translation>izpolnjuje: %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="249"/>
        <source>Missing (most useful first)</source>
        <translation>Manjka (najkoristnejše najprej)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="253"/>
        <source>%1 requirement(s)</source>
        <translation>zahtev: %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="258"/>
        <source>needs %1</source>
        <translation>potrebuje %1</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="260"/>
        <source>would be filled by %1, which does not count yet</source>
        <translation>izpolnilo bi ga %1, ki še ne šteje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="264"/>
        <source>Not counting yet</source>
        <translation>Še ne šteje</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="286"/>
        <source>Choose a target file</source>
        <translation>Izberite datoteko s ciljem</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="287"/>
        <source>Targets (*.json *.jsonld);;All files (*)</source>
        <translation>Cilji (*.json *.jsonld);;Vse datoteke (*)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="293"/>
        <source>Added the target %1.</source>
        <translation>Cilj %1 je dodan.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="305"/>
        <source>Remove target</source>
        <translation>Odstrani cilj</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/targets_page.py" line="306"/>
        <source>Remove this target? Your credentials stay in the wallet.</source>
        <translation>Odstranim ta cilj? Vaša poverila ostanejo v denarnici.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../wallet/ui/tasks.py" line="61"/>
        <source>Something unexpected went wrong (%1). Nothing was changed; details are in the log.</source>
        <extracomment>Progress signals are throttled to this interval so a fast loop in a worker cannot flood the GUI thread&apos;s event queue.</extracomment>
        <translation>Prišlo je do nepričakovane napake (%1). Nič ni bilo spremenjeno; podrobnosti so v dnevniku.</translation>
    </message>
</context>
<context>
    <name>TrustModel</name>
    <message>
        <location filename="../../wallet/ui/models/trust.py" line="35"/>
        <source>Name</source>
        <translation>Ime</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="223"/>
        <source>Learner wallet</source>
        <translation>Učna denarnica</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="224"/>
        <source>&amp;Other wallet file…</source>
        <translation>&amp;Druga datoteka denarnice …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="225"/>
        <source>Open or create a wallet in another file</source>
        <translation>Odpri ali ustvari denarnico v drugi datoteki</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="227"/>
        <source>Restore from &amp;backup…</source>
        <translation>Obnovi iz &amp;varnostne kopije …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="229"/>
        <source>Try the &amp;demo wallet</source>
        <translation>Preizkusi &amp;predstavitveno denarnico</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="230"/>
        <source>A throw-away wallet with sample credentials</source>
        <translation>Začasna denarnica z vzorčnimi poverili</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="232"/>
        <source>Chec&amp;k a bundle someone sent you…</source>
        <translation>Preveri &amp;sveženj, ki vam ga je nekdo poslal …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="233"/>
        <source>No wallet needed: verify a shared bundle, link or QR code</source>
        <translation>Denarnica ni potrebna: preverite deljeni sveženj, povezavo ali kodo QR</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="275"/>
        <source>Open or create a wallet file</source>
        <translation>Odprite ali ustvarite datoteko denarnice</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/unlock.py" line="276"/>
        <source>Wallet files (*.db);;All files (*)</source>
        <translation>Datoteke denarnice (*.db);;Vse datoteke (*)</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <location filename="../../wallet/ui/models/credentials.py" line="35"/>
        <source>Valid</source>
        <translation>Veljavno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/credentials.py" line="36"/>
        <source>Valid, with warnings</source>
        <translation>Veljavno, z opozorili</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/credentials.py" line="37"/>
        <source>Invalid</source>
        <translation>Neveljavno</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/credentials.py" line="38"/>
        <source>Cannot verify offline</source>
        <translation>Brez povezave ni mogoče preveriti</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/models/credentials.py" line="40"/>
        <source>Not verified</source>
        <translation>Ni preverjeno</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="76"/>
        <source>Changing the passphrase…</source>
        <translation>Spreminjanje gesla …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="80"/>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="85"/>
        <source>Change passphrase</source>
        <translation>Sprememba gesla</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="81"/>
        <source>The passphrase was changed. Use the new one from now on.</source>
        <translation>Geslo je spremenjeno. Odslej uporabljajte novo.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="92"/>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="100"/>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="105"/>
        <source>Back up the wallet</source>
        <translation>Varnostna kopija denarnice</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="93"/>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="114"/>
        <source>Wallet backups (*.lwbackup);;All files (*)</source>
        <translation>Varnostne kopije denarnice (*.lwbackup);;Vse datoteke (*)</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="96"/>
        <source>Writing the backup…</source>
        <translation>Zapisovanje varnostne kopije …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="101"/>
        <source>The encrypted backup was written to %1. It opens with your current passphrase.</source>
        <translation>Šifrirana varnostna kopija je zapisana v %1. Odpre se z vašim trenutnim geslom.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="113"/>
        <source>Choose a backup</source>
        <translation>Izberite varnostno kopijo</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="117"/>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="122"/>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="131"/>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="134"/>
        <source>Restore</source>
        <translation>Obnovitev</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="117"/>
        <source>Passphrase of the backup:</source>
        <translation>Geslo varnostne kopije:</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="123"/>
        <source>A wallet already exists at %1. Replace it with the backup? The current wallet file is kept next to it under another name, not deleted.</source>
        <translation>Denarnica v %1 že obstaja. Jo zamenjam z varnostno kopijo? Trenutna datoteka denarnice se ohrani poleg pod drugim imenom, ne izbriše se.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="131"/>
        <source>The backup was restored and the wallet is open.</source>
        <translation>Varnostna kopija je obnovljena in denarnica je odprta.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="164"/>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="175"/>
        <source>Demo wallet</source>
        <translation>Predstavitvena denarnica</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="164"/>
        <source>The demo wallet is not available in this version.</source>
        <translation>Predstavitvena denarnica v tej različici ni na voljo.</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="167"/>
        <source>Making the demo wallet with freshly signed credentials…</source>
        <translation>Izdelava predstavitvene denarnice s sveže podpisanimi poverili …</translation>
    </message>
    <message>
        <location filename="../../wallet/ui/screens/vault_actions.py" line="170"/>
        <source>Demo wallet open. Its passphrase is: %1</source>
        <translation>Predstavitvena denarnica je odprta. Njeno geslo je: %1</translation>
    </message>
</context>
</TS>
