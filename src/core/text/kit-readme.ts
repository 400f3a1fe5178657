/**
 * The kit's README for a province's IT (`cluster-review kit`; issue #12): zh-CN first, en-US second, `{name}` filled
 * by the one formatter (fill, ./format.ts). A document, not a phrase: it stays out of the tables in ./index.ts
 * because those are bundled into the task pane, whose initial script has a size goal (≤ 250 KB gzipped) this
 * page of text would break. Only the CLI imports it; test/xlsx/kit.test.ts checks both languages' placeholders.
 */
import type { TextEntry } from './format.js';

/**
 * Section 5, by where the add-in's office.js comes from (`--office-js`): the bundled copy says what degrades on it
 * and never names the CDN's address; the CDN says what the machines must reach. `{officeJs}`: the copy's version.
 */
export const KIT_OFFICE_JS: Readonly<Record<'bundled' | 'cdn', TextEntry>> = {
  bundled: {
    'zh-CN': `本分发包的加载项使用随附的 office.js（\`--office-js bundled\`）：\`addin/office-js/\` 中附带一份（@microsoft/office-js {officeJs} 版），页面从加载项自己的服务器加载它，内网不能访问互联网时也能启动。

这份副本比评审电脑上的 Excel 旧（npm 上的最后一版，微软已不再维护该软件包），加载项只使用 Excel 报告支持且这份 office.js 也具备的功能，其余按以下方式降级，并在任务窗格中说明：

- “备注”（ExcelApi 1.18）：该版本不含备注，即使 Microsoft 365 支持，问题说明也写入批注会话；专家的回避理由和专家意见记入“评分记录”，不另加备注。
- 批注会话（ExcelApi 1.10）和其余功能照常使用；不支持批注会话的 Excel 只给问题单元格着色，说明见任务窗格和评审汇总。

能访问互联网的单位建议改用微软 CDN 的 office.js（微软支持的方式，始终最新，可使用备注）：\`cluster-review kit … --office-js cdn\`。继续使用随附副本时，Office 更新后（至少每半年一次）用新版本的 office.js 重新构建加载项并生成分发包，替换服务器上的 \`addin/\`。`,
    'en-US': `This kit's add-in uses the bundled office.js (\`--office-js bundled\`): \`addin/office-js/\` holds a copy (@microsoft/office-js {officeJs}), which the pages load from the add-in's own server, so the pane starts on an intranet without internet access.

The copy is older than the Excel on the reviewers' machines (the last version on npm; Microsoft no longer maintains the package). The add-in uses an API only where Excel reports it AND this office.js defines it; the rest degrades as follows, and the pane says so:

- Notes (ExcelApi 1.18): the copy has none, so even where Microsoft 365 supports them, explanations go into comment threads; an expert's 回避 reason and 专家意见 are recorded in 评分记录 without a note.
- Comment threads (ExcelApi 1.10) and everything else work as usual; an Excel without comment threads only colours the flagged cells, with the explanations in the pane and the summary.

Where the machines can reach the internet, use office.js from Microsoft's CDN instead (Microsoft's supported way, always current, with notes): \`cluster-review kit … --office-js cdn\`. Keeping the bundled copy, rebuild the add-in with a newer office.js when Office is updated (at least twice a year), write a new kit and replace \`addin/\` on the server.`,
  },
  cdn: {
    'zh-CN': `本分发包的加载项从微软 CDN 加载 office.js（\`--office-js cdn\`，地址 https://appsforoffice.microsoft.com/lib/1/hosted/office.js）：这是微软支持的方式，office.js 始终与 Excel 同步更新，备注等新功能均可使用。评审电脑须能访问该地址；内网不能访问互联网时，请改用随附副本重新生成分发包（\`--office-js bundled\`）。`,
    'en-US': `This kit's add-in loads office.js from Microsoft's CDN (\`--office-js cdn\`, https://appsforoffice.microsoft.com/lib/1/hosted/office.js): Microsoft's supported way, always current with Excel, so notes and every newer API are there. The reviewers' machines must reach that address; on an intranet without internet access, write the kit with the bundled copy instead (\`--office-js bundled\`).`,
  },
};

/** Section 1's last sentence: where the add-in's requests go. */
export const KIT_REQUESTS: Readonly<Record<'bundled' | 'cdn', TextEntry>> = {
  bundled: { 'zh-CN': '加载项不访问该服务器以外的任何地址。', 'en-US': 'The add-in makes no request outside that server.' },
  cdn: { 'zh-CN': '除从微软 CDN 加载 office.js 外（见第五节），加载项不访问该服务器以外的任何地址。', 'en-US': 'Apart from office.js, loaded from Microsoft’s CDN (section 5), the add-in makes no request outside that server.' },
};

export const KIT_README: TextEntry = {
  'zh-CN': `# 集群评审助手 分发包

- 规则：{name}（{id}，{edition}版，规则校验码 {fingerprint}）
- 申报年度：{year}
- 加载项地址：{url}

## 包内文件

| 文件 | 用途 |
|---|---|
| \`{template}\` | 标准指标表模板（工作表已保护，无密码，记录了所依据的规则），发给各县（市、区）中小企业主管部门填报 |
| \`rulebook/{id}.json\` | 本省规则（命令行和加载项使用） |
| \`rulebook/{id}.xlsx\` | 同一规则的规则表，可在 Excel 或 WPS 中查看、修改 |
| \`addin/\` | Excel 加载项的全部静态文件，已配置为默认使用本省规则；其中 \`addin/wps/\` 是同一任务窗格的 WPS 加载项 |
| \`manifest.xml\` | 加载项清单，指向 {url} |

## 一、在内网服务器上发布

把 \`addin/\` 文件夹中的全部内容复制到内网 HTTPS 服务器上地址 {url} 对应的目录。任何静态文件服务器均可（IIS、nginx、Apache），不需要数据库或后台程序。Office 只从 HTTPS 加载加载项，证书须为评审人员电脑信任的证书。\`.json\` 文件应以 application/json 提供（IIS 需添加此 MIME 类型）；\`rulebooks/\` 目录请设为不缓存或短时缓存，以便更新规则后立即生效。

检查：在浏览器中打开 {url}/help/index.html 应显示帮助页，打开 {url}/rulebooks/index.json 应显示规则清单。{requests}

## 二、集中部署（Microsoft 365）

管理员在 Microsoft 365 管理中心：设置 → 集成应用 → 上传自定义应用 → Office 加载项，上传 \`manifest.xml\`，分配给评审人员所在的组。通常一天内出现在其 Excel 的“开始”选项卡（“集群评审”组）。

## 三、共享文件夹目录（离线内网）

把 \`manifest.xml\` 放到一个网络共享文件夹。在每台评审电脑的 Excel 中：文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录，添加该共享文件夹的网络路径（\\\\服务器\\共享），勾选“显示在菜单中”，重启 Excel，然后在 开始 → 加载项 → 共享文件夹 中选择“集群评审助手”。Excel 2016（MSI 版）不支持 Office 加载项，请使用命令行工具；WPS 表格见第六节。

## 四、更新规则

加载项只使用与 \`rulebooks/index.json\` 中校验码一致的规则文件；在服务器上手工修改规则文件会被拒绝，窗格会说明原因。更新规则：

1. 修改 \`rulebook/{id}.xlsx\`（或用 \`cluster-review rulebook export\` 导出新的规则表），再用 \`cluster-review rulebook import 规则表.xlsx -o 新规则.json\` 转回 JSON，错误会逐条指出检查项和单元格；
2. 用新规则生成新的分发包：\`cluster-review kit --rulebook 新规则.json --year {year} --base-url {url} -o 新分发包\`；
3. 用新分发包的 \`addin/rulebooks/\` 文件夹替换服务器上的同名文件夹，把新的指标表模板发给各县。

清单不变，无需重新部署；评审人员重新打开任务窗格即使用新规则。窗格显示适用规则，并可在本部署提供的规则之间选择（每台电脑记住所选）。申报工作簿中记录的模板规则与适用规则不同时，窗格会显示出来，但始终按适用规则核验。

## 五、office.js

{officeJsSection}

## 六、WPS 表格（WPS 加载项）

\`addin/wps/\` 是同一任务窗格的 WPS 加载项（功能区“集群评审”组，核验、标记、评审汇总、专家评分与 Excel 中相同；“直接检查”与窗格使用同一规则，并在结果中注明），默认使用本省规则（\`addin/wps/rulebooks/\`：规则文件嵌入在 \`rulebooks.js\` 中，离线时无需读取网络或文件）。WPS 须启用 JS 加载项（部分政务版需管理员在 \`oem.ini\` 的 \`[Support]\` 中设置 \`JsApiPlugin=true\`）。加载项需要 WPS 内置浏览器为 Chromium 67 及以上（WPS 2023 及以后版本为 Chromium 104）；更旧的 WPS 会在窗格中提示“WPS 内置浏览器版本过旧”，请升级 WPS 或使用命令行工具。

jsaddons 文件夹：Windows 为 \`%APPDATA%\\kingsoft\\wps\\jsaddons\\\`；Linux（统信 UOS、麒麟等）为 \`~/.local/share/Kingsoft/wps/jsaddons/\`。

- 在线：\`addin/\` 按第一节发布后，WPS 加载项的地址是 {url}/wps/。把 \`addin/wps/publish.xml\`（已写好该地址）作为每台评审电脑 jsaddons 文件夹中的 \`publish.xml\`（已有该文件时把其中的 \`<jspluginonline>\` 一行并入），重启 WPS。
- 离线：把 \`addin/wps/\` 复制到 jsaddons 文件夹，改名为 \`addin/wps/publish.offline.xml\` 中 \`url\` 所写的文件夹名（如 \`cluster-review_0.1.0\`），并把该文件作为 jsaddons 文件夹中的 \`publish.xml\`（或并入其中的 \`<jsplugin>\` 一行），重启 WPS。
- 重启 WPS：关闭所有 WPS 窗口后重新打开。Linux 上 WPS 关闭窗口后仍在后台运行（快速启动），请在终端执行 \`quickstartoffice restart\`（统信 UOS 为 \`/opt/apps/cn.wps.wps-office-pro/files/bin/quickstartoffice restart\`），或注销后重新登录。打开表格后即可看到“集群评审”选项卡。
- 更新规则：第四节第 3 步同时用新分发包的 \`addin/wps/rulebooks/\`（含 \`rulebooks.js\`）替换服务器上（或各台电脑离线文件夹中）的 \`wps/rulebooks/\`。`,
  'en-US': `# cluster-review distribution kit

- Rulebook: {name} ({id}, edition {edition}, fingerprint {fingerprint})
- Application year: {year}
- Add-in address: {url}

## What is in it

| file | what for |
|---|---|
| \`{template}\` | the standard indicator workbook (sheets protected without a password, stamped with its rulebook), for the county-level SME authorities to fill in |
| \`rulebook/{id}.json\` | the province's rulebook (for the command line and the add-in) |
| \`rulebook/{id}.xlsx\` | the same rulebook as a workbook, to read or edit in Excel or WPS |
| \`addin/\` | every static file of the Excel add-in, set up with this rulebook as its default; \`addin/wps/\` is the same pane as a WPS 加载项 |
| \`manifest.xml\` | the add-in's manifest, pointing at {url} |

## 1. Host it on an intranet server

Copy everything in \`addin/\` to the folder of an HTTPS server that answers at {url}. Any static file server will do (IIS, nginx, Apache); no database, no server program. Office loads add-ins only over HTTPS, with a certificate the reviewers' machines trust. Serve \`.json\` as application/json (IIS needs the MIME type added), and do not cache \`rulebooks/\` for long, so an updated rulebook takes effect at once.

Check: {url}/help/index.html shows the help page and {url}/rulebooks/index.json the list of rulebooks in a browser. {requests}

## 2. Centralized deployment (Microsoft 365)

In the Microsoft 365 admin center: Settings → Integrated apps → Upload custom apps → Office Add-in, upload \`manifest.xml\` and assign it to the reviewers' group. It usually appears on Excel's Home tab (group 集群评审) within a day.

## 3. Shared-folder catalog (offline intranets)

Put \`manifest.xml\` in a network share. In Excel on each reviewer's machine: File → Options → Trust Center → Trust Center Settings → Trusted Add-in Catalogs, add the share's network path (\\\\server\\share), tick "Show in Menu", restart Excel, then Home → Add-ins → Shared Folder and choose 集群评审助手. Excel 2016 (MSI) cannot host Office add-ins: use the command line there; for WPS 表格 see section 6.

## 4. Updating the rulebook

The add-in uses a rulebook file only if its fingerprint is the one in \`rulebooks/index.json\`; a rulebook edited by hand on the server is refused, and the pane says why. To update the rulebook:

1. Edit \`rulebook/{id}.xlsx\` (or export a fresh one with \`cluster-review rulebook export\`), then turn it back into JSON with \`cluster-review rulebook import 规则表.xlsx -o new-rulebook.json\`; every problem is named by check and cell;
2. Write a new kit with it: \`cluster-review kit --rulebook new-rulebook.json --year {year} --base-url {url} -o new-kit\`;
3. Replace the server's \`rulebooks/\` folder with the new kit's \`addin/rulebooks/\`, and send the new template to the counties.

The manifest does not change, so nothing is redeployed; reviewers get the new rulebook when they reopen the pane. The pane shows the rulebook in force and offers the ones this deployment provides (the choice is remembered per machine). When the rulebook stamped in an applicant's workbook differs from the one in force, the pane shows it, and always checks under the rulebook in force.

## 5. office.js

{officeJsSection}

## 6. WPS 表格 (WPS 加载项)

\`addin/wps/\` is the same task pane as a WPS 加载项 (ribbon group 集群评审; check, flags, the summary and scoring as in Excel; 直接检查 uses the pane's rulebook and names it in its result), with this rulebook as its default (\`addin/wps/rulebooks/\`: the files are embedded in \`rulebooks.js\`, so nothing is fetched offline). WPS must have JS add-ins enabled (some government editions need \`JsApiPlugin=true\` under \`[Support]\` in \`oem.ini\`, set by the administrator). The add-in needs WPS's built-in browser to be Chromium 67 or later (WPS 2023 and later have Chromium 104); an older WPS shows "WPS 内置浏览器版本过旧" (too old) in the pane: update WPS or use the command line.

The jsaddons folder: on Windows \`%APPDATA%\\kingsoft\\wps\\jsaddons\\\`; on Linux (UOS, Kylin and others) \`~/.local/share/Kingsoft/wps/jsaddons/\`.

- Online: with \`addin/\` hosted as in section 1, the WPS add-in's address is {url}/wps/. Give each reviewer's WPS \`addin/wps/publish.xml\` (it names that address) as \`publish.xml\` in the jsaddons folder (merging its \`<jspluginonline>\` line into a file that exists), and restart WPS.
- Offline: copy \`addin/wps/\` into the jsaddons folder under the folder name the \`url\` of \`addin/wps/publish.offline.xml\` gives (e.g. \`cluster-review_0.1.0\`), and that file as \`publish.xml\` in the jsaddons folder (or merge its \`<jsplugin>\` line), then restart WPS.
- Restarting WPS: close every WPS window and open WPS again. On Linux WPS keeps running in the background after its windows close (quick start): run \`quickstartoffice restart\` in a terminal (on UOS \`/opt/apps/cn.wps.wps-office-pro/files/bin/quickstartoffice restart\`), or log out and back in. The 集群评审 tab appears when a spreadsheet is open.
- Updating the rulebook: in step 3 of section 4, also replace \`wps/rulebooks/\` on the server (or in each machine's offline folder) with the new kit's \`addin/wps/rulebooks/\` (with its \`rulebooks.js\`).`,
};
