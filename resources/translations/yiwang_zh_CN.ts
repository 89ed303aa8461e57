<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApplicantPanel</name>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="39"/>
        <location filename="../../clerk_station/applicant_panel.py" line="103"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="43"/>
        <location filename="../../clerk_station/applicant_panel.py" line="124"/>
        <source>Place the applicant&apos;s ID card on the reader</source>
        <translation>请将申请人身份证放在阅读器上</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="51"/>
        <source>Show number</source>
        <translation>显示完整号码</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/applicant_panel.py" line="54"/>
        <source>Shows the full ID number for %n seconds</source>
        <translation>
            <numerusform>显示完整证件号码 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="66"/>
        <source>18-character unified social credit code</source>
        <translation>18位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="73"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="74"/>
        <source>Company name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="83"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="84"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="101"/>
        <source>Applicant company and representative</source>
        <translation>申请单位及经办人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="108"/>
        <source>ID card read</source>
        <translation>已读取身份证</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="143"/>
        <source>Enter by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="146"/>
        <source>When the reader is missing or the card will not read</source>
        <translation>读卡器缺失或证件无法读取时使用</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="158"/>
        <source>11-digit mobile number</source>
        <translation>11位手机号码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="165"/>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="166"/>
        <location filename="../../clerk_station/applicant_panel.py" line="209"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="171"/>
        <source>Read agent&apos;s card</source>
        <translation>读取代办人身份证</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="176"/>
        <source>Agent by hand</source>
        <translation>手工录入代办人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="179"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="187"/>
        <source>Agent</source>
        <translation>代办人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="195"/>
        <source>Typed by hand, original sighted</source>
        <translation>手工录入，已核验原件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="197"/>
        <source>Read from the card</source>
        <translation>读卡获取</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="200"/>
        <source>Place the agent&apos;s card on the reader (%1)</source>
        <translation>请将代办人身份证放在读卡器上（%1）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="211"/>
        <source>A child applies through a guardian: record the agent</source>
        <translation>未成年人须由监护人代办：请录入代办人</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <location filename="../../ui_shared/camera_preview.py" line="60"/>
        <source>Document camera preview</source>
        <translation>高拍仪预览</translation>
    </message>
    <message>
        <location filename="../../ui_shared/camera_preview.py" line="111"/>
        <source>Camera unavailable</source>
        <translation>高拍仪不可用</translation>
    </message>
    <message>
        <location filename="../../ui_shared/camera_preview.py" line="119"/>
        <source>Waiting for camera…</source>
        <translation>正在等待高拍仪画面…</translation>
    </message>
</context>
<context>
    <name>CaptureController</name>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="55"/>
        <source>Capture page</source>
        <translation>拍摄本页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="58"/>
        <source>Remove last page</source>
        <translation>删除最后一页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="60"/>
        <source>Auto capture when the page is still</source>
        <translation>页面放稳后自动拍摄</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="70"/>
        <source>Import file…</source>
        <translation>从文件导入…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="72"/>
        <source>A scanned file or a phone photo</source>
        <translation>扫描件或手机照片</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="73"/>
        <source>Take pages from the scan folder</source>
        <translation>从扫描文件夹取页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="121"/>
        <source>Import a scanned page or a photo</source>
        <translation>导入扫描页或照片</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="126"/>
        <source>Images (%1)</source>
        <translation>图片（%1）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="140"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="178"/>
        <source>The camera has not delivered a picture yet</source>
        <translation>高拍仪尚未传回画面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="182"/>
        <source>Processing…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="212"/>
        <source>Camera: page detected</source>
        <translation>高拍仪：已识别页面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="214"/>
        <source>Camera: no page in view</source>
        <translation>高拍仪：未检测到页面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="218"/>
        <source>Camera: %1</source>
        <translation>高拍仪：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="221"/>
        <source>No camera picture: import a scanned file or a photo instead</source>
        <translation>高拍仪无画面：请改为导入扫描件或照片</translation>
    </message>
    <message>
        <location filename="../../clerk_station/capture_controller.py" line="243"/>
        <source>Page saved (%1×%2)</source>
        <translation>已保存本页（%1×%2）</translation>
    </message>
</context>
<context>
    <name>CaseListDialog</name>
    <message>
        <location filename="../../clerk_station/case_list.py" line="142"/>
        <source>Cases accepted at this window</source>
        <translation>本窗口受理的办件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="147"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="148"/>
        <source>Not yet delivered</source>
        <translation>尚未上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="149"/>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="150"/>
        <source>Delivered</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="164"/>
        <source>Send again</source>
        <translation>重新上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="166"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="168"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../clerk_station/case_list.py" line="70"/>
        <source>Receipt</source>
        <translation>回执编号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="71"/>
        <source>Item</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="72"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="73"/>
        <source>Accepted at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="74"/>
        <source>Upload</source>
        <translation>上报状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="75"/>
        <source>Platform status</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="76"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="77"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="82"/>
        <source>Waiting to upload</source>
        <translation>待上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="83"/>
        <source>Uploading</source>
        <translation>上报中</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="84"/>
        <source>Will retry</source>
        <translation>稍后重试</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="85"/>
        <source>Delivered</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="86"/>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
</context>
<context>
    <name>ClerkWindow</name>
    <message>
        <location filename="../../clerk_station/main_window.py" line="80"/>
        <source>Yiwang Window — Clerk Station %1</source>
        <extracomment>reasons a clerk picks from (or types) when a material cannot be used</extracomment>
        <translation>一网窗口 — 窗口受理终端 %1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="84"/>
        <location filename="../../clerk_station/main_window.py" line="328"/>
        <source>Choose a service item on the left</source>
        <translation>请在左侧选择办理事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="92"/>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="95"/>
        <source>Print notice of missing materials</source>
        <translation>打印一次性告知书</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="102"/>
        <source>Material unusable…</source>
        <translation>材料不合格…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="105"/>
        <source>What was brought for the selected material cannot be used</source>
        <translation>所选材料不能使用（将写入一次性告知书）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="119"/>
        <source>Result by</source>
        <translation>结果领取方式</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="142"/>
        <source>ID reader: waiting</source>
        <translation>身份证阅读器：等待中</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="144"/>
        <source>Camera: starting</source>
        <translation>高拍仪：启动中</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="209"/>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="214"/>
        <source>New applicant</source>
        <translation>新办件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="218"/>
        <source>Cases</source>
        <translation>办件查询</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="247"/>
        <source>The card reader is not available: enter the identity by hand</source>
        <translation>读卡器不可用：请手工录入证件信息</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="273"/>
        <source>Material unusable</source>
        <translation>材料不合格</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="275"/>
        <source>Why can “%1” not be used?</source>
        <translation>“%1”为何不能使用？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/main_window.py" line="335"/>
        <source>%1 · %2 · within %n working day(s)</source>
        <translation>
            <numerusform>%1 · %2 · 承诺时限 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="362"/>
        <source>Unusable: %1 (%2)</source>
        <translation>不合格：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="237"/>
        <source>ID reader: card read</source>
        <translation>身份证阅读器：已读卡</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="241"/>
        <source>ID reader: ready</source>
        <translation>身份证阅读器：就绪</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="244"/>
        <source>ID reader: %1</source>
        <translation>身份证阅读器：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="353"/>
        <source>Applicant not identified</source>
        <translation>尚未识别申请人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="356"/>
        <source>Missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/main_window.py" line="358"/>
        <source>Complete: %n page(s) captured</source>
        <translation>
            <numerusform>材料齐全：已采集 %n 页</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <location filename="../../clerk_station/demo_panel.py" line="25"/>
        <source>Simulated devices (demo)</source>
        <translation>模拟设备（演示）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/demo_panel.py" line="33"/>
        <source>Place ID card</source>
        <translation>放置身份证</translation>
    </message>
    <message>
        <location filename="../../clerk_station/demo_panel.py" line="35"/>
        <source>Lift card</source>
        <translation>取走身份证</translation>
    </message>
    <message>
        <location filename="../../clerk_station/demo_panel.py" line="44"/>
        <source>The camera shows the material selected in the checklist.</source>
        <translation>高拍仪显示材料清单中选中的材料。</translation>
    </message>
</context>
<context>
    <name>ItemPicker</name>
    <message>
        <location filename="../../clerk_station/item_picker.py" line="82"/>
        <source>Personal</source>
        <translation>个人办事</translation>
    </message>
    <message>
        <location filename="../../clerk_station/item_picker.py" line="83"/>
        <source>Legal entity</source>
        <translation>法人办事</translation>
    </message>
    <message>
        <location filename="../../clerk_station/item_picker.py" line="85"/>
        <source>Search items</source>
        <translation>搜索事项</translation>
    </message>
</context>
<context>
    <name>ManualEntryDialog</name>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="44"/>
        <source>Enter the agent by hand</source>
        <extracomment>the kinds whose number says nothing about the birth date</extracomment>
        <translation>手工录入代办人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="44"/>
        <source>Enter by hand</source>
        <translation>手工录入</translation>
    </message>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="72"/>
        <source>I have sighted the original document</source>
        <translation>已核验证件原件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="80"/>
        <source>Document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="81"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="82"/>
        <source>Number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="83"/>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="86"/>
        <source>Relation to the applicant</source>
        <translation>与申请人关系</translation>
    </message>
    <message>
        <location filename="../../clerk_station/manual_entry.py" line="134"/>
        <source>%1 number is valid</source>
        <translation>%1号码有效</translation>
    </message>
</context>
<context>
    <name>MaterialsModel</name>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="58"/>
        <source>Material</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="58"/>
        <location filename="../../clerk_station/materials_panel.py" line="74"/>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="58"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="58"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="71"/>
        <source> (original to sight)</source>
        <translation>（需核验原件）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="74"/>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="78"/>
        <source>Captured</source>
        <translation>已采集</translation>
    </message>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="79"/>
        <source>Missing</source>
        <translation>缺</translation>
    </message>
</context>
<context>
    <name>MaterialsPanel</name>
    <message>
        <location filename="../../clerk_station/materials_panel.py" line="94"/>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
</context>
<context>
    <name>OutcomeController</name>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="73"/>
        <source>Accepted. Receipt number %1.</source>
        <translation>已受理，回执编号 %1。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="77"/>
        <source>The receipt was not printed: %1</source>
        <translation>回执未能打印：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="82"/>
        <location filename="../../clerk_station/outcome_controller.py" line="83"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="104"/>
        <source>Not accepted</source>
        <translation>未能受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="116"/>
        <source>Switch to “%1”?</source>
        <translation>切换到“%1”？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/outcome_controller.py" line="119"/>
        <source>%n captured page(s) will be kept for the same materials.</source>
        <translation>
            <numerusform>已采集的 %n 页将保留给同名材料。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/outcome_controller.py" line="123"/>
        <source>%n captured page(s) fit no material of the new item and will be discarded.</source>
        <translation>
            <numerusform>已采集的 %n 页不属于新事项的任何材料，将被丢弃。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="129"/>
        <source>Switch service item</source>
        <translation>切换事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/outcome_controller.py" line="144"/>
        <source>New applicant</source>
        <translation>新申请人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/outcome_controller.py" line="145"/>
        <source>%n captured page(s) will be discarded. Start a new applicant?</source>
        <translation>
            <numerusform>已采集的 %n 页将被丢弃。开始办理新申请人？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PageStrip</name>
    <message>
        <location filename="../../clerk_station/page_strip.py" line="60"/>
        <source>◀ Earlier</source>
        <translation>◀ 前移</translation>
    </message>
    <message>
        <location filename="../../clerk_station/page_strip.py" line="61"/>
        <source>Later ▶</source>
        <translation>后移 ▶</translation>
    </message>
    <message>
        <location filename="../../clerk_station/page_strip.py" line="62"/>
        <source>Delete page</source>
        <translation>删除此页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/page_strip.py" line="88"/>
        <source>Page %1</source>
        <translation>第%1页</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../clerk_station/receipt_dialog.py" line="41"/>
        <source>Reprint</source>
        <translation>重新打印</translation>
    </message>
</context>
<context>
    <name>ScanController</name>
    <message>
        <location filename="../../clerk_station/scan_controller.py" line="68"/>
        <source>Scanned: %1</source>
        <translation>扫码内容：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/scan_controller.py" line="70"/>
        <source>waiting to upload</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../../clerk_station/scan_controller.py" line="72"/>
        <source>Receipt %1: %2</source>
        <translation>回执 %1：%2</translation>
    </message>
    <message>
        <location filename="../../clerk_station/scan_controller.py" line="83"/>
        <source>Scanner: %1</source>
        <translation>扫码枪：%1</translation>
    </message>
</context>
<context>
    <name>SyncBadge</name>
    <message>
        <location filename="../../ui_shared/sync_badge.py" line="22"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../ui_shared/sync_badge.py" line="55"/>
        <source>● Connecting</source>
        <translation>● 连接中</translation>
    </message>
    <message>
        <location filename="../../ui_shared/sync_badge.py" line="58"/>
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../ui_shared/sync_badge.py" line="61"/>
        <source>● Offline</source>
        <translation>● 离线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui_shared/sync_badge.py" line="65"/>
        <source>Queued: %n</source>
        <translation>
            <numerusform>待上传：%n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui_shared/sync_badge.py" line="67"/>
        <source>Needs attention: %n</source>
        <translation>
            <numerusform>需处理：%n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../clerk_station/sync_controller.py" line="78"/>
        <source>Uploading %1 of %2</source>
        <translation>正在上传 第%1件/共%2件</translation>
    </message>
</context>
</TS>
