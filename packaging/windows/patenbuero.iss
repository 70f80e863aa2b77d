; Inno Setup 6 script (UTF-8 with BOM, so the umlauts arrive): the Windows installer for the PyInstaller folder dist\patenbuero.
; Built by .github/workflows/windows-package.yml:
;   iscc /DAppVersion=0.2.0 /DBundleDir=..\..\dist\patenbuero /DOutputDir=..\..\dist packaging\windows\patenbuero.iss
;
; - Per user, without administrator rights: installs to %LOCALAPPDATA%\Programs\Patenbuero,
;   Start-menu entry with the program's icon (optionally a desktop icon).
; - The data are not in the program folder but in %APPDATA%\Freiwilligen-Agentur Halle\
;   Patenbuero (database, backups) and %LOCALAPPDATA%\...\Logs. An update installs over
;   the program folder and never touches them; uninstalling keeps them unless the user
;   ticks "auch die Daten löschen" in the question at the end.

#ifndef AppVersion
  #error AppVersion fehlt: iscc /DAppVersion=x.y.z
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\patenbuero"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif

#define AppName "Patenbüro"
#define AppPublisher "Freiwilligen-Agentur Halle"
#define AppExe "Patenbuero.exe"

[Setup]
; Never change AppId: updates recognise the installed program by it.
AppId={{6F3E4C7A-2B8D-4F1E-9A6C-5D7B8E9F0A12}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppPublisherURL=https://www.freiwilligen-agentur.de/
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={autopf}\Patenbuero
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=Patenbuero-{#AppVersion}-Setup
SetupIconFile=..\..\resources\icons\patenbuero.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "de"; MessagesFile: "compiler:Languages\German.isl"

[Tasks]
Name: "desktopicon"; Description: "Symbol auf dem Desktop anlegen"; GroupDescription: "Zusätzliche Symbole:"; Flags: unchecked

[InstallDelete]
; An update replaces the whole program folder's libraries, so no file of an older
; version (an old Qt DLL, an old migration script) stays behind. Only {app} is cleaned.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#AppExe}"; Comment: "Verwaltung für das Patenschaftsnetzwerk Halle"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "Patenbüro jetzt starten"; Flags: nowait postinstall skipifsilent

[Code]
const
  DataFolder = '{userappdata}\Freiwilligen-Agentur Halle\Patenbuero';
  LogFolder = '{localappdata}\Freiwilligen-Agentur Halle\Patenbuero';

// Uninstalling keeps the database and backups unless the user asks for them to go.
// A silent uninstall (as during an update or by IT) never deletes data.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Folder: String;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  Folder := ExpandConstant(DataFolder);
  if UninstallSilent or not DirExists(Folder) then
    exit;
  if MsgBox('Das Programm ist entfernt. Ihre Daten (Datenbank und Sicherungen) liegen noch in' + #13#10 +
            Folder + #13#10#13#10 +
            'Sollen auch die Daten gelöscht werden? Das lässt sich nicht rückgängig machen.' + #13#10 +
            '„Nein“ behält sie für eine spätere Installation.',
            mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES then
  begin
    DelTree(Folder, True, True, True);
    DelTree(ExpandConstant(LogFolder), True, True, True);
    RegDeleteKeyIncludingSubkeys(HKCU, 'Software\Freiwilligen-Agentur Halle\Patenbuero');
  end;
end;
