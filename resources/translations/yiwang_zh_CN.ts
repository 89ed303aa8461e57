<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApplicantPanel</name>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="33"/>
        <location filename="../../clerk_station/applicant_panel.py" line="96"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="37"/>
        <location filename="../../clerk_station/applicant_panel.py" line="116"/>
        <source>Place the applicant&apos;s ID card on the reader</source>
        <translation>请将申请人身份证放在阅读器上</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="45"/>
        <source>Show number</source>
        <translation>显示完整号码</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/applicant_panel.py" line="48"/>
        <source>Shows the full ID number for %n seconds</source>
        <translation>
            <numerusform>显示完整证件号码 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="60"/>
        <source>18-character unified social credit code</source>
        <translation>18位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="67"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="68"/>
        <source>Company name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="77"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="78"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="94"/>
        <source>Applicant company and representative</source>
        <translation>申请单位及经办人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="101"/>
        <source>ID card read</source>
        <translation>已读取身份证</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <location filename="../../ui_shared/camera_preview.py" line="57"/>
        <source>Document camera preview</source>
        <translation>高拍仪预览</translation>
    </message>
    <message>
        <location filename="../../ui_shared/camera_preview.py" line="105"/>
        <source>Camera unavailable</source>
        <translation>高拍仪不可用</translation>
    </message>
    <message>
        <location filename="../../ui_shared/camera_preview.py" line="114"/>
        <source>Waiting for camera…</source>
        <translation>正在等待高拍仪画面…</translation>
    </message>
</context>
<context>
    <name>CaseListDialog</name>
    <message>
        <location filename="../../clerk_station/case_list.py" line="154"/>
        <source>Cases accepted at this window</source>
        <translation>本窗口受理的办件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="159"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="160"/>
        <source>Not yet delivered</source>
        <translation>尚未上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="161"/>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="162"/>
        <source>Delivered</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="176"/>
        <source>Send again</source>
        <translation>重新上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="178"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="180"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../clerk_station/case_list.py" line="72"/>
        <source>Receipt</source>
        <translation>回执编号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="73"/>
        <source>Item</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="74"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="75"/>
        <source>Accepted at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="76"/>
        <source>Upload</source>
        <translation>上报状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="77"/>
        <source>Platform status</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="78"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="79"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="90"/>
        <source>Waiting to upload</source>
        <translation>待上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="91"/>
        <source>Uploading</source>
        <translation>上报中</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="92"/>
        <source>Will retry</source>
        <translation>稍后重试</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="93"/>
        <source>Delivered</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="94"/>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
</context>
<context>
    <name>ClerkWindow</name>
    <message>
        <location filename="../../clerk_station/main_window.py" line="94"/>
        <source>Yiwang Window — Clerk Station %1</source>
        <translation>一网窗口 — 窗口受理终端 %1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="98"/>
        <location filename="../../clerk_station/main_window.py" line="483"/>
        <source>Choose a service item on the left</source>
        <translation>请在左侧选择办理事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="106"/>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="109"/>
        <source>Print notice of missing materials</source>
        <translation>打印一次性告知书</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="114"/>
        <source>Capture page</source>
        <translation>拍摄本页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="117"/>
        <source>Remove last page</source>
        <translation>删除最后一页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="119"/>
        <source>Auto capture when the page is still</source>
        <translation>页面放稳后自动拍摄</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="163"/>
        <source>ID reader: waiting</source>
        <translation>身份证阅读器：等待中</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="165"/>
        <source>Camera: starting</source>
        <translation>高拍仪：启动中</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="222"/>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="227"/>
        <source>New applicant</source>
        <translation>新办件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="231"/>
        <source>Cases</source>
        <translation>办件查询</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/main_window.py" line="246"/>
        <source>%1 · %2 · within %n working day(s)</source>
        <translation>
            <numerusform>%1 · %2 · 承诺时限 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="257"/>
        <source>ID reader: card read</source>
        <translation>身份证阅读器：已读卡</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="267"/>
        <source>ID reader: ready</source>
        <translation>身份证阅读器：就绪</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="270"/>
        <source>ID reader: %1</source>
        <translation>身份证阅读器：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="301"/>
        <source>Camera: page detected</source>
        <translation>高拍仪：已识别页面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="303"/>
        <source>Camera: no page in view</source>
        <translation>高拍仪：未检测到页面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="307"/>
        <source>Camera: %1</source>
        <translation>高拍仪：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="315"/>
        <source>The camera has not delivered a picture yet</source>
        <translation>高拍仪尚未传回画面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="319"/>
        <source>Processing…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="349"/>
        <source>Page saved (%1×%2)</source>
        <translation>已保存本页（%1×%2）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="391"/>
        <source>Applicant not identified</source>
        <translation>尚未识别申请人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="394"/>
        <source>Missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/main_window.py" line="396"/>
        <source>Complete: %n page(s) captured</source>
        <translation>
            <numerusform>材料齐全：已采集 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="434"/>
        <source>Accepted. Receipt number %1.</source>
        <translation>已受理，回执编号 %1。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="438"/>
        <source>The receipt was not printed: %1</source>
        <translation>回执未能打印：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="439"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="446"/>
        <source>Not accepted</source>
        <translation>未能受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="473"/>
        <source>Notice printed</source>
        <translation>告知书已打印</translation>
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
        <location filename="../../clerk_station/scan_controller.py" line="71"/>
        <source>Scanned: %1</source>
        <translation>扫码内容：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/scan_controller.py" line="73"/>
        <source>waiting to upload</source>
        <translation>待上传</translation>
    </message>
    <message>
        <location filename="../../clerk_station/scan_controller.py" line="75"/>
        <source>Receipt %1: %2</source>
        <translation>回执 %1：%2</translation>
    </message>
    <message>
        <location filename="../../clerk_station/scan_controller.py" line="86"/>
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
        <location filename="../../clerk_station/sync_controller.py" line="79"/>
        <source>Uploading %1 of %2</source>
        <translation>正在上传 第%1件/共%2件</translation>
    </message>
</context>
</TS>
