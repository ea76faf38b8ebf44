// biome-ignore-all format: its word lists and tables read best packed, several items a line
// CAP_FILESYSTEM: the tool reads or writes local files and directories.
import { capabilityRule } from '../capability-rule.ts';

export const capFilesystem = capabilityRule({
  code: 'CAP_FILESYSTEM',
  capability: 'filesystem',
  summary: 'Files and directories: name words such as file, directory, folder; parameters such as path, filePath, directory.',
  nameWords: new Set(['file', 'files', 'directory', 'directories', 'folder', 'folders', 'dir', 'fs', 'filesystem', 'filename', 'worktree', 'gzip', 'zip', 'unzip', 'tar']),
  paramWords: new Set(['path', 'paths', 'file', 'files', 'filepath', 'filename', 'directory', 'dir', 'folder', 'filepaths']),
  // Not a package named for one ("@modelcontextprotocol/server-filesystem" in an example configuration). A file the
  // call writes, said in the passive ("The definition's library file is written by this call"; not "No file is written",
  // nor a data source's "The file is written during the day").
  description: /\b(?:(?<!server-)file ?system|local files?|on disk|files? (?:is|are) (?:written|saved) by (?:this|the) (?:call|tool)\b|(?:read|write)s? (?:a |the )?files?|working director(?:y|ies))\b/,
  // "Full path to the function (e.g. 'document.getElementById')": a path in a program's objects, not on disk.
  paramDescriptionExclude: /\b(?:api|endpoint|url|uri|route|json ?path|jsonpath|http|rest|path (?:to|of) (?:the |a )?(?:function|method|property|attribute|field|setting))\b/,
  // "path: object" beside "Get the messages of a chat" (Chatwork, Feishu/Lark): the map of an HTTP call's path
  // parameters ({"room_id": 42}), not a place on disk; nor is a number ("storage_path: 3", "max_files", "folder_id"). A
  // yes/no flag stays: "dump_to_file", "move_files", "remove_from_env_file" do touch files.
  paramTypesExclude: new Set(['object', 'number', 'integer']),
  // "node_path: TOP node path" (Houdini, Godot): where a node sits in a scene's or a network's tree, not on disk.
  // "sortDir: Sort direction (asc/desc)": a sort's direction, not a directory.
  notAfter: new Set(['yaml', 'template', 'url', 'function', 'method', 'property', 'node', 'sort']),
  // "create_file_note: Create a file note on an action (matter note/attendance note)": a file note is a note kept on a
  // client's matter, not a file on disk.
  notBefore: new Set(['note', 'notes']),
  // The folders of a project tool's space or of a mailbox hold its items, not files.
  // So are a mailbox's folders named as such ("folder: Mail folder (default: INBOX)").
  // A Figma file is a design kept on Figma ("Fetch a Figma file (or specific nodes) as it existed at a past version"),
  // not one on disk.
  elsewhere: [
    { words: new Set(['folder', 'folders']), where: /\bfolders? (?:in|of|within) (?:a |the |this |your |an? )?(?:space|workspace|team|mailbox|inbox|account|board)\b|\b(?:e-?mail|mail|mailbox|imap) folders?\b/ },
    { words: new Set(['file', 'files']), where: /\bfigma (?:design )?files?\b/ },
  ],
  // "Delete folder and all contents" with folderId: a folder or file a service names by an id, when no parameter is a
  // path, lives on that service, not on disk.
  byId: { words: new Set(['file', 'files', 'folder', 'folders', 'directory']), unless: new Set(['path', 'paths', 'filepath', 'filepaths', 'filename', 'directory', 'dir', 'local', 'destination', 'dest', 'output', 'save']) },
});
