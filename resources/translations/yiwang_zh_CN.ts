<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ApplicantPanel</name>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="29"/>
        <location filename="../../clerk_station/applicant_panel.py" line="92"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="33"/>
        <location filename="../../clerk_station/applicant_panel.py" line="112"/>
        <source>Place the applicant&apos;s ID card on the reader</source>
        <translation>请将申请人身份证放在阅读器上</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="41"/>
        <source>Show number</source>
        <translation>显示完整号码</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/applicant_panel.py" line="44"/>
        <source>Shows the full ID number for %n seconds</source>
        <translation>
            <numerusform>显示完整证件号码 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="56"/>
        <source>18-character unified social credit code</source>
        <translation>18位统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="63"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="64"/>
        <source>Company name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="73"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="74"/>
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="90"/>
        <source>Applicant company and representative</source>
        <translation>申请单位及经办人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/applicant_panel.py" line="97"/>
        <source>ID card read</source>
        <translation>已读取身份证</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <location filename="../../ui_shared/camera_preview.py" line="58"/>
        <source>Document camera preview</source>
        <translation>高拍仪预览</translation>
    </message>
    <message>
        <location filename="../../ui_shared/camera_preview.py" line="106"/>
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
        <location filename="../../clerk_station/case_list.py" line="152"/>
        <source>Cases accepted at this window</source>
        <translation>本窗口受理的办件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="157"/>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="158"/>
        <source>Not yet delivered</source>
        <translation>尚未上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="159"/>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="160"/>
        <source>Delivered</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="174"/>
        <source>Send again</source>
        <translation>重新上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="176"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="178"/>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../clerk_station/case_list.py" line="71"/>
        <source>Receipt</source>
        <translation>回执编号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="72"/>
        <source>Item</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="73"/>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="74"/>
        <source>Accepted at</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="75"/>
        <source>Upload</source>
        <translation>上报状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="76"/>
        <source>Platform status</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="77"/>
        <source>Case number</source>
        <translation>办件编号</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="78"/>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="89"/>
        <source>Waiting to upload</source>
        <translation>待上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="90"/>
        <source>Uploading</source>
        <translation>上报中</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="91"/>
        <source>Will retry</source>
        <translation>稍后重试</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="92"/>
        <source>Delivered</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../clerk_station/case_list.py" line="93"/>
        <source>Needs attention</source>
        <translation>需处理</translation>
    </message>
</context>
<context>
    <name>ClerkWindow</name>
    <message>
        <location filename="../../clerk_station/main_window.py" line="91"/>
        <source>Yiwang Window — Clerk Station %1</source>
        <translation>一网窗口 — 窗口受理终端 %1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="95"/>
        <location filename="../../clerk_station/main_window.py" line="478"/>
        <source>Choose a service item on the left</source>
        <translation>请在左侧选择办理事项</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="103"/>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="106"/>
        <source>Print notice of missing materials</source>
        <translation>打印一次性告知书</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="111"/>
        <source>Capture page</source>
        <translation>拍摄本页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="114"/>
        <source>Remove last page</source>
        <translation>删除最后一页</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="116"/>
        <source>Auto capture when the page is still</source>
        <translation>页面放稳后自动拍摄</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="160"/>
        <source>ID reader: waiting</source>
        <translation>身份证阅读器：等待中</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="162"/>
        <source>Camera: starting</source>
        <translation>高拍仪：启动中</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="219"/>
        <source>Intake</source>
        <translation>受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="224"/>
        <source>New applicant</source>
        <translation>新办件</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="228"/>
        <source>Cases</source>
        <translation>办件查询</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/main_window.py" line="242"/>
        <source>%1 · %2 · within %n working day(s)</source>
        <translation>
            <numerusform>%1 · %2 · 承诺时限 %n 个工作日</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="253"/>
        <source>ID reader: card read</source>
        <translation>身份证阅读器：已读卡</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="263"/>
        <source>ID reader: ready</source>
        <translation>身份证阅读器：就绪</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="266"/>
        <source>ID reader: %1</source>
        <translation>身份证阅读器：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="297"/>
        <source>Camera: page detected</source>
        <translation>高拍仪：已识别页面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="299"/>
        <source>Camera: no page in view</source>
        <translation>高拍仪：未检测到页面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="303"/>
        <source>Camera: %1</source>
        <translation>高拍仪：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="311"/>
        <source>The camera has not delivered a picture yet</source>
        <translation>高拍仪尚未传回画面</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="315"/>
        <source>Processing…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="345"/>
        <source>Page saved (%1×%2)</source>
        <translation>已保存本页（%1×%2）</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="387"/>
        <source>Applicant not identified</source>
        <translation>尚未识别申请人</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="390"/>
        <source>Missing: %1</source>
        <translation>缺少：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../clerk_station/main_window.py" line="392"/>
        <source>Complete: %n page(s) captured</source>
        <translation>
            <numerusform>材料齐全：已采集 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="429"/>
        <source>Accepted. Receipt number %1.</source>
        <translation>已受理，回执编号 %1。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="433"/>
        <source>The receipt was not printed: %1</source>
        <translation>回执未能打印：%1</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="434"/>
        <source>Accepted</source>
        <translation>已受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="441"/>
        <source>Not accepted</source>
        <translation>未能受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/main_window.py" line="468"/>
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
    <name>DevicesPage</name>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="38"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="39"/>
        <source>Choose each device and prove it works before finishing.</source>
        <translation>请选择每台设备，并在完成前逐一测试。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="52"/>
        <source>Read a card</source>
        <translation>读卡测试</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="53"/>
        <source>Show the camera</source>
        <translation>显示画面</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="54"/>
        <source>Print a test receipt</source>
        <translation>打印测试回执</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="55"/>
        <source>Listen for a code</source>
        <translation>扫码测试</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="81"/>
        <source>keyboard scanner: scan a code into this field</source>
        <translation>键盘模式扫码枪：请在此框内扫码</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="124"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="128"/>
        <source>Test failed</source>
        <translation>测试失败</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="134"/>
        <source>Card read:</source>
        <translation>读卡成功：</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="138"/>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="147"/>
        <source>Camera unavailable</source>
        <translation>高拍仪不可用</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="159"/>
        <source>Picture live, page detected</source>
        <translation>画面正常，已识别到页面</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="161"/>
        <source>Picture live; put a page under the camera</source>
        <translation>画面正常；请在高拍仪下放一页材料</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="167"/>
        <source>No scanner chosen</source>
        <translation>未选择扫码枪</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="169"/>
        <source>Scan a code now…</source>
        <translation>请现在扫码…</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="180"/>
        <source>Scanner unavailable</source>
        <translation>扫码枪不可用</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/devices_page.py" line="184"/>
        <source>Code read: %1</source>
        <translation>扫码成功：%1</translation>
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
    <name>PlatformPage</name>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="74"/>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="75"/>
        <source>Where this station delivers, and the one-time enrollment code.</source>
        <translation>办件提交到哪个平台，以及一次性注册码。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="80"/>
        <source>empty: the system&apos;s certificates</source>
        <translation>留空：使用系统证书</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="81"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="86"/>
        <source>already enrolled: leave empty to keep it</source>
        <translation>已注册：留空则保持现有注册</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="95"/>
        <source>Enrollment code</source>
        <translation>注册码</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="100"/>
        <source>CA bundle</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="100"/>
        <source>PEM certificates (*.pem *.crt)</source>
        <translation>PEM 证书 (*.pem *.crt)</translation>
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
    <name>SetupWizard</name>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="35"/>
        <source>Yiwang Window — station set-up</source>
        <translation>一网窗口 — 终端设置</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="40"/>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="41"/>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="42"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="43"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="88"/>
        <source>Enrolling and saving…</source>
        <translation>正在注册并保存…</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/wizard.py" line="103"/>
        <source>Set-up failed</source>
        <translation>设置失败</translation>
    </message>
</context>
<context>
    <name>StartupFailureScreen</name>
    <message>
        <location filename="../../clerk_station/startup_failure.py" line="15"/>
        <source>Yiwang Window</source>
        <translation>一网窗口</translation>
    </message>
    <message>
        <location filename="../../clerk_station/startup_failure.py" line="16"/>
        <source>This station has stopped accepting applications</source>
        <translation>本终端已暂停受理</translation>
    </message>
    <message>
        <location filename="../../clerk_station/startup_failure.py" line="30"/>
        <source>Next step: call the technician and show them this screen. Receipts already printed stay valid; do not hand out new numbers by hand.</source>
        <translation>下一步：请联系技术人员并出示本页面。已打印的受理回执仍然有效；请勿手工编写新的受理编号。</translation>
    </message>
    <message>
        <location filename="../../clerk_station/startup_failure.py" line="38"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>StationPage</name>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="31"/>
        <source>Station</source>
        <translation>终端信息</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="32"/>
        <source>Who this terminal is: its code prefixes every receipt number.</source>
        <translation>本终端的身份：终端编号是每张回执编号的前缀。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="38"/>
        <source>Service window (clerk station)</source>
        <translation>窗口受理（工作人员使用）</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="39"/>
        <source>Self-service kiosk</source>
        <translation>自助服务终端</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="116"/>
        <source>Summary</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="117"/>
        <source>Finish writes these changes and enrolls when needed.</source>
        <translation>点击“完成”将写入以下更改，并在需要时向平台注册。</translation>
    </message>
    <message>
        <location filename="../../ui_shared/setup_wizard/pages.py" line="133"/>
        <source>Nothing changes.</source>
        <translation>没有需要更改的内容。</translation>
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
        <location filename="../../clerk_station/sync_controller.py" line="80"/>
        <source>Uploading %1 of %2</source>
        <translation>正在上传 第%1件/共%2件</translation>
    </message>
</context>
</TS>
